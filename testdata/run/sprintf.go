// run

// fmt.Sprintf builds strings that are then measured, compared and concatenated.

package main

import "fmt"

func pad(n, width int) string {
	return fmt.Sprintf("%*d", width, n)
}

func table(n int) string {
	out := ""
	for i := 1; i <= n; i++ {
		row := ""
		for j := 1; j <= n; j++ {
			row += fmt.Sprintf("%4d", i*j)
		}
		out += row + "\n"
	}
	return out
}

func main() {
	s := fmt.Sprintf("%d-%s-%v", 1, "two", 3.0)
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprintf("%q", s) == `"1-two-3"`)
	fmt.Print(table(5))
	fmt.Println("[" + pad(42, 6) + "]")
	fmt.Println(fmt.Sprint("x", 1, 2, "y"), fmt.Sprintln("end", 3) == "end 3\n")
	fmt.Println(fmt.Sprintf("%08.3f|%-8.2f|%+.1f", 3.14159, 2.5, 1.25))
	fmt.Println(fmt.Sprintf("%x", "gopher"), fmt.Sprintf("% x", "go"))
}
