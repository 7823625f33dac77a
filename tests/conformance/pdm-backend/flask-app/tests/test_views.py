def test_index():
    from flask_app.views import index
    assert index() == "index"
