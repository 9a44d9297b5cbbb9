from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "outcomes.accounts"
    label = "accounts"
