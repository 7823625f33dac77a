from django.apps import AppConfig
