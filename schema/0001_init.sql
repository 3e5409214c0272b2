create table placeholder(x);
