// run

// defer runs LIFO; deferred closures change named results; recover stops panics,
// including runtime errors, which are error values.

package main

import "fmt"

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("defer", i)
	}
	fmt.Println("body")
}

func named() (x int) {
	defer func() { x *= 2 }()
	return 21
}

func nested() (s string) {
	defer func() {
		r := recover()
		s = fmt.Sprint("outer saw ", r)
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func main() {
	order()
	fmt.Println(named())
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(nested())
	func() {
		defer func() {
			r := recover()
			err, ok := r.(error)
			fmt.Println("got", r, ok, err.Error())
		}()
		var a []int
		_ = a[5]
	}()
	fmt.Println("recover outside panic:", recover())
}
