"""The survey app's views: authoring (authoring.py), pupils' pages (pupils.py), results (results.py)."""
