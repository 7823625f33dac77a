import pytest


@pytest.mark.django_db
def test_post_str():
    from blog.models import Post
    assert str(Post(title="Hi", slug="hi", body="")) == "Hi"
