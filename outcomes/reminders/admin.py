from django.contrib import admin

from outcomes.reminders.models import SentReminder


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    """Every reminder sent, for administrators answering "did I get one?". Deleting a row lets that
    reminder go again at the next run."""

    list_display = ("sent_at", "user", "kind", "item", "subject")
    list_filter = ("kind",)
    search_fields = ("user__username", "subject")
    readonly_fields = ("sent_at", "user", "kind", "item", "subject")

    def has_add_permission(self, request):
        return False
