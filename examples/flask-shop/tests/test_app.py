"""Runs with `python -m pytest` or `python -m unittest discover tests` (needs Flask)."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from flask_shop import create_app  # noqa: E402
from flask_shop.db import init_db  # noqa: E402


class ShopTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.app = create_app({"TESTING": True, "DATABASE": os.path.join(self.tmp.name, "t.sqlite")})
        with self.app.app_context():
            init_db()
        self.client = self.app.test_client()

    def tearDown(self):
        self.tmp.cleanup()

    def test_index_lists_products_sorted(self):
        body = self.client.get("/").get_data(as_text=True)
        self.assertLess(body.index("Mug"), body.index("Notebook"))
        self.assertIn("12.00", body)

    def test_product_page_and_404(self):
        self.assertIn("A5, dotted", self.client.get("/product/2").get_data(as_text=True))
        self.assertEqual(self.client.get("/product/99").status_code, 404)

    def test_cart_total(self):
        res = self.client.post("/api/cart", json={"items": [{"id": 1, "qty": 2}, {"id": 3, "qty": 1}]})
        self.assertEqual(res.get_json(), {"total_cents": 2800})

    def test_cart_unknown_product(self):
        self.assertEqual(self.client.post("/api/cart", json={"items": [{"id": 42}]}).status_code, 400)

    def test_static_assets_served(self):
        res = self.client.get("/static/img/logo.png")
        self.assertEqual(res.data[:8], b"\x89PNG\r\n\x1a\n")
        res.close()


if __name__ == "__main__":
    unittest.main()
