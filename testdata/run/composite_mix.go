// run

// Structs, methods, slices, arrays, maps, interfaces, errors, closures, type switches.

package main

import "fmt"

type Point struct {
	X, Y int
}

func (p Point) Sum() int { return p.X + p.Y }
func (p *Point) Scale(k int) { p.X *= k; p.Y *= k }

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }

type Sq struct{ S float64 }

func (s *Sq) Area() float64 { return s.S * s.S }
func (s *Sq) Name() string  { return "square" }

type MyErr struct{ code int }

func (e MyErr) Error() string { return fmt.Sprintf("code %d", e.code) }

func find(xs []int, v int) (int, error) {
	for i, x := range xs {
		if x == v {
			return i, nil
		}
	}
	return -1, MyErr{404}
}

func main() {
	p := Point{1, 2}
	p.Scale(3)
	fmt.Println(p, p.Sum(), p.X)
	pp := &p
	pp.Y = 10
	fmt.Println(*pp, pp.Sum())
	xs := []int{5, 6, 7}
	xs = append(xs, 8, 9)
	fmt.Println(xs, len(xs), cap(xs), xs[1:3])
	var arr [4]string
	arr[2] = "two"
	fmt.Println(arr, len(arr))
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	v, ok := m["z"]
	fmt.Println(len(m), m["a"], v, ok)
	delete(m, "a")
	fmt.Println(m)
	shapes := []Shape{Rect{2, 3}, &Sq{4}}
	for _, s := range shapes {
		fmt.Println(s.Name(), s.Area())
	}
	_, err := find(xs, 42)
	fmt.Println(err)
	if e, ok := err.(MyErr); ok {
		fmt.Println("code", e.code)
	}
	add := func(a int) func(int) int {
		return func(b int) int { return a + b }
	}
	fmt.Println(add(3)(4))
	var x interface{} = 3.5
	switch v := x.(type) {
	case int:
		fmt.Println("int", v)
	case float64:
		fmt.Println("float", v)
	}
	b := make([]byte, 3, 10)
	copy(b, "hey")
	fmt.Println(string(b), b)
	counter := 0
	inc := func() { counter++ }
	inc()
	inc()
	fmt.Println(counter)
	sum := 0
	for k, v := range m {
		sum += v
		_ = k
	}
	fmt.Println(sum)
}
