// calc does not compile: the error is reported under calc's import path, and
// main, which depends on it, is not checked.
package main

import "example.com/dep_type_error/calc"

func main() { var s string = calc.Double(2); println(s) }
