// The directory two holds files of two packages: the go command refuses it.
package main

import "example.com/mixed_names/two"

func main() { println(two.One) }
