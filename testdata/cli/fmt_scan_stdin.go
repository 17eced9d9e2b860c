// fmt.Scan, Scanln and Scanf over os.Stdin (testdata/cli/CMakeLists.txt pipes the
// input in): gc reads os.Stdin a byte at a time, so what one call leaves unread
// is there for the next.
package main

import "fmt"

func main() {
	var n, sum int
	fmt.Scan(&n)
	for i := 0; i < n; i++ {
		var x int
		if _, err := fmt.Scan(&x); err != nil {
			fmt.Println("error:", err)
			return
		}
		sum += x
	}
	fmt.Print("sum=", sum)
	var name string
	var age int
	c, err := fmt.Scanln(&name, &age)
	fmt.Print(" | ", c, err, name, age)
	var unit string
	var temp float64
	c, err = fmt.Scanf("%f%s\n", &temp, &unit)
	fmt.Printf(" | %d %v %.1f %s", c, err, temp, unit)
	c, err = fmt.Scanln(&name, &age)
	fmt.Print(" | ", c, err, name)
	var rest string
	c, err = fmt.Scan(&rest)
	fmt.Printf(" | %d %v %q\n", c, err, rest)
}
