module example.com/import_main

go 1.26
