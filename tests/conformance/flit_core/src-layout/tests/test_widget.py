def test_make():
    assert True
