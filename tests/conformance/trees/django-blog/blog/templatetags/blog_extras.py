from django import template

register = template.Library()


@register.filter
def reading_minutes(text):
    return max(1, len(text.split()) // 200)
