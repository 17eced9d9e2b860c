// errorcheck

// An array of an undefined type is reported as undefined only, however long.

package main

var w [1 << 62]nosuch // ERROR "undefined: nosuch"

func main() {}
