from django.db import migrations
