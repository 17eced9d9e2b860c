module example.com/not_required

go 1.26
