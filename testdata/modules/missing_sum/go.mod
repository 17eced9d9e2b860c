module example.com/missing_sum

go 1.26
require rsc.io/quote v1.5.2
