// winonly's only file is for Windows: on linux its build constraints leave the
// package without files.
package main

import "example.com/constraints/winonly"

func main() { println(winonly.X) }
