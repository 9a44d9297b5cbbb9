"""The survey app's URLs, kept in three parts so that authoring, pupils' pages and results can each
be read on their own."""

from outcomes.surveys import urls_authoring, urls_pupils, urls_results

app_name = "surveys"
urlpatterns = [*urls_authoring.urlpatterns, *urls_pupils.urlpatterns, *urls_results.urlpatterns]
