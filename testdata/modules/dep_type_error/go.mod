module example.com/dep_type_error

go 1.26
