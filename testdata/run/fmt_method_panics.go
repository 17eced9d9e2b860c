// run

// A method fmt calls that panics prints as %!verb(PANIC=Method method: value), as
// fmt's catchPanic prints it; a nil pointer receiver's panic prints <nil>; a panic
// while printing such a value goes on up (issue 21, item 4).

package main

import (
	"errors"
	"fmt"
)

type E struct{}

func (E) Error() string { panic("boom") }

type S struct{ n int }

func (s *S) String() string { return fmt.Sprint("S", s.n) }

type F struct{}

func (F) Format(f fmt.State, c rune) { panic(errors.New("bad format")) }

type G struct{}

func (G) String() string { panic(G{}) }

func main() {
	fmt.Println(E{})
	fmt.Printf("%s|%d|%x\n", E{}, E{}, E{})
	var s *S
	fmt.Println(s, "after nil")
	fmt.Printf("[%5v]\n", F{})
	fmt.Println(fmt.Sprintf("%v", []any{E{}, 1}))
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil) }()
		fmt.Println(G{})
	}()
	fmt.Println(fmt.Errorf("wrap: %w", E{}))
}
