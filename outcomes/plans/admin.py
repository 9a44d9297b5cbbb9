from django import forms
from django.contrib import admin

from outcomes.plans.models import Plan, RagStatus


class RagStatusForm(forms.ModelForm):
    class Meta:
        model = RagStatus
        fields = ["key", "label", "description", "style", "order", "means_no_update", "is_key_issue"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Updates store weights by key: renaming a key would orphan every stored status.
            self.fields["key"].disabled = True


class RagStatusInline(admin.TabularInline):
    model = RagStatus
    form = RagStatusForm
    extra = 0
    can_delete = False


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    """Administrators keep a plan's reference data here: its RAG vocabulary's labels, wording and
    colours, and new colours. Keys cannot change once statuses may have been stored under them."""

    list_display = ("title", "slug", "start", "end")
    fields = ("title", "slug", "start", "end", "approving_body", "approved_on", "vision", "description")
    inlines = [RagStatusInline]
