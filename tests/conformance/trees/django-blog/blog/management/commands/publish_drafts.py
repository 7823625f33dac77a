from django.core.management.base import BaseCommand
from django.utils import timezone

from blog.models import Post


class Command(BaseCommand):
    help = "Publish every draft post"

    def handle(self, *args, **options):
        count = Post.objects.filter(published=None).update(published=timezone.now())
        self.stdout.write(f"published {count}")
