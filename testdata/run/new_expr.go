// run

// Go 1.26: new(expr) allocates a variable of expr's type (an untyped constant's
// default type) initialised to its value; new(T) is unchanged.

package main

import "fmt"

type Config struct {
	Name    *string
	Port    *int
	Timeout *float64
}

type Point struct{ X, Y int }

func main() {
	c := Config{Name: new("server"), Port: new(8080), Timeout: new(2.5)}
	fmt.Println(*c.Name, *c.Port, *c.Timeout)
	x := 4
	q := new(x * 2)
	*q++
	fmt.Println(*q, x)
	pt := new(Point{1, 2})
	pt.X = 10
	fmt.Printf("%T %v\n", pt, *pt)
	r := new('a')
	b := new(x > 3)
	fmt.Printf("%T %v %T %v\n", r, *r, b, *b)
	p := new(int)
	pp := new(p)
	**pp = 7
	fmt.Println(*p, *new(*p))
	s := new([]int{1, 2})
	fmt.Println(len(*s), *new(fmt.Sprint("a", 1)))
}
