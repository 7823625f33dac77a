create table item (id int);
