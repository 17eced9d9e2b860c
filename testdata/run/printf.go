// run

// fmt.Printf with the basic verbs, widths, flags and precisions.

package main

import "fmt"

func main() {
	fmt.Printf("%d %d %d\n", 0, -42, 1234567890123)
	fmt.Printf("[%5d] [%-5d] [%05d] [%+d]\n", 42, 42, 42, 42)
	fmt.Printf("%s|%q|%v\n", "go", "tab\there", "plain")
	fmt.Printf("[%8s] [%-8s] [%.2s]\n", "right", "left", "truncate")
	fmt.Printf("%x %X %x %q\n", 255, 3054, "hi", 'x')
	fmt.Printf("%t %v\n", true, false)
	fmt.Printf("%c%c%c %U\n", 'G', 'o', 0x263A, 0x263A)
	fmt.Printf("%f %.3f %6.2f %e\n", 2.0/3, 2.0/3, 3.14159, 123456.789)
	fmt.Printf("%T %T %T %T %T\n", 1, "s", 2.0, true, 'r')
	fmt.Printf("%v %v %v %v\n", 7, "seven", 7.5, true)
	fmt.Printf("100%%\n")
	fmt.Printf("%d %s\n", 1)
	fmt.Printf("%d\n", "str")
	fmt.Printf("no newline")
	fmt.Printf("\n")
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Println("a", "b", 1, 2, "c")
}
