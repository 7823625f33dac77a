from django.shortcuts import get_object_or_404, render

from .models import Post


def post_list(request):
    return render(request, "blog/post_list.html", {"posts": Post.objects.order_by("-published")})


def post_detail(request, slug):
    return render(request, "blog/post_detail.html", {"post": get_object_or_404(Post, slug=slug)})
