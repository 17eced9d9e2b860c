// run

// iota in constant declarations: implicit repetition, skips and expressions.

package main

import "fmt"

const (
	Sunday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

const (
	_  = iota
	A1 = iota * 10
	_
	A3
	A4 = "four"
	A5
	A6 = iota
)

const (
	Read = 1 << iota
	Write
	Exec
)

const (
	x0, y0 = iota, iota + 100
	x1, y1
)

func dayName(d int) string {
	switch d {
	case Sunday:
		return "Sunday"
	case Saturday:
		return "Saturday"
	}
	return "weekday"
}

func main() {
	fmt.Println(Sunday, Monday, Saturday)
	fmt.Println(A1, A3, A4, A5, A6)
	fmt.Println(Read, Write, Exec, Read|Exec)
	fmt.Println(x0, y0, x1, y1)
	for d := Sunday; d <= Saturday; d++ {
		fmt.Print(dayName(d), " ")
	}
	fmt.Println()
}
