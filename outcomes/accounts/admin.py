from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from outcomes.accounts.models import Organisation, Person, User


@admin.register(User)
class OutcomesUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("Outcomes", {"fields": ("role",)}))
    list_display = ("username", "email", "first_name", "last_name", "role", "is_active")
    list_filter = ("role", "is_active")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    search_fields = ("name", "abbreviation")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "job_title", "organisation", "user")
    search_fields = ("name", "job_title")
    autocomplete_fields = ("organisation",)
