"""Shop pages and the cart API."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, render_template, request

from flask_shop.db import get_db

bp = Blueprint("shop", __name__)


@bp.get("/")
def index():
    products = get_db().execute("SELECT id, name, price_cents FROM product ORDER BY name").fetchall()
    return render_template("index.html", products=products)


@bp.get("/product/<int:product_id>")
def product(product_id: int):
    row = get_db().execute(
        "SELECT id, name, description, price_cents FROM product WHERE id = ?", (product_id,)
    ).fetchone()
    if row is None:
        abort(404)
    return render_template("product.html", product=row)


@bp.post("/api/cart")
def cart_total():
    """Body: {"items": [{"id": 1, "qty": 2}, ...]}; answers the total in cents."""
    items = (request.get_json(silent=True) or {}).get("items", [])
    total = 0
    for item in items:
        row = get_db().execute("SELECT price_cents FROM product WHERE id = ?", (int(item["id"]),)).fetchone()
        if row is None:
            return jsonify(error=f"unknown product {item['id']}"), 400
        total += row["price_cents"] * max(0, int(item.get("qty", 1)))
    return jsonify(total_cents=total)
