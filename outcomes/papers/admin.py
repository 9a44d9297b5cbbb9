from django.contrib import admin

from outcomes.papers.models import PaperTemplate, TemplateSection


class TemplateSectionInline(admin.TabularInline):
    model = TemplateSection
    fields = ["position", "key", "label", "kind", "required", "hint"]
    extra = 0
    # Papers keep their sections by template section: removing one would take their text with it.
    can_delete = False


@admin.register(PaperTemplate)
class PaperTemplateAdmin(admin.ModelAdmin):
    """Administrators keep the template's wording here (headings, hints, order, required or not).
    A template whose fields 1-4 are changed from Meeting, Date, Title and Directorate publishes no
    paper until they are put back (rules.template_problems names what is wrong)."""

    list_display = ["name", "heading"]
    inlines = [TemplateSectionInline]
