DROP TABLE IF EXISTS product;

CREATE TABLE product (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0)
);

INSERT INTO product (name, description, price_cents) VALUES
    ('Mug', 'A large white mug.', 1200),
    ('Notebook', 'A5, dotted, 120 pages.', 850),
    ('Sticker pack', 'Five vinyl stickers.', 400);
