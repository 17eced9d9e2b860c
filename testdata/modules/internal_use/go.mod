module example.com/internal_use

go 1.26
