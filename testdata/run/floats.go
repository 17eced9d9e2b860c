// run

// float64 arithmetic and the default and fixed-precision formats.

package main

import "fmt"

func main() {
	a := 0.1
	b := 0.2
	fmt.Println(a+b, a*b, a/b, b-a)
	fmt.Println(1.0, 2.5, -0.0, 1e21, 1e20, 1e-7, 123456789.0)
	fmt.Printf("%f %.2f %.0f %8.3f|\n", 3.14159, 3.14159, 2.5, 3.14159)
	fmt.Printf("%v %g %e\n", 1.0/3, 100000000.0, 1234.5678)

	x := 10.0
	x /= 4
	fmt.Println(x, int(x), float64(7)/2)

	var zero float64
	fmt.Println(1/(zero+1), -x)

	sum := 0.0
	for i := 1; i <= 10; i++ {
		sum += 1.0 / float64(i)
	}
	fmt.Printf("H(10) = %.10f\n", sum)
	fmt.Println(sum > 2.9, sum < 3)
}
