module example.com/mixed_names

go 1.26
