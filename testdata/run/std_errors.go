// run

// errors.New/Is/As/Unwrap and fmt.Errorf with %w: wrapping chains, custom Is and
// As methods, sentinel comparison, non-comparable error types, misuse of %w.
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type PathErr struct {
	Op, Path string
	Err      error
}

func (e *PathErr) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }
func (e *PathErr) Unwrap() error { return e.Err }

type CodeErr int

func (c CodeErr) Error() string { return fmt.Sprintf("code %d", int(c)) }

type SliceErr []string

func (s SliceErr) Error() string { return fmt.Sprint([]string(s)) }

type Temporary struct{ msg string }

func (t Temporary) Error() string         { return "temporary: " + t.msg }
func (t Temporary) Is(target error) bool  { return target == ErrNotFound }
func (t Temporary) As(target any) bool {
	if p, ok := target.(*CodeErr); ok {
		*p = 99
		return true
	}
	return false
}

type errWithNoWrap struct{}

func (errWithNoWrap) Error() string { return "nowrap" }

func main() {
	e1 := errors.New("boom")
	e2 := errors.New("boom")
	fmt.Println(e1, e1 == e2, errors.Is(e1, e2), errors.Is(e1, e1))
	fmt.Printf("%v|%s|%q|%T\n", e1, e1, e1, e1)

	w1 := fmt.Errorf("reading config: %w", ErrNotFound)
	w2 := fmt.Errorf("startup: %w", w1)
	fmt.Println(w2)
	fmt.Printf("%T %T\n", w1, fmt.Errorf("plain %d", 3))
	fmt.Println(errors.Is(w2, ErrNotFound), errors.Is(w2, e1))
	fmt.Println(errors.Unwrap(w2) == w1, errors.Unwrap(w1) == ErrNotFound, errors.Unwrap(ErrNotFound) == nil)
	fmt.Println(errors.Unwrap(fmt.Errorf("no wrap %v", ErrNotFound)) == nil)

	pe := &PathErr{"open", "/etc/x", ErrNotFound}
	w3 := fmt.Errorf("load: %w", pe)
	var target *PathErr
	if errors.As(w3, &target) {
		fmt.Println("as PathErr:", target.Op, target.Path, target == pe)
	}
	fmt.Println(errors.Is(w3, ErrNotFound))

	var code CodeErr
	w4 := fmt.Errorf("wrapped code: %w", CodeErr(42))
	fmt.Println(errors.As(w4, &code), code)
	fmt.Println(errors.As(e1, &code), code)

	var anyErr interface{ Error() string }
	fmt.Println(errors.As(w4, &anyErr), anyErr)

	t := Temporary{"disk"}
	fmt.Println(errors.Is(t, ErrNotFound), errors.Is(fmt.Errorf("x: %w", t), ErrNotFound))
	code = 0
	fmt.Println(errors.As(t, &code), code)

	// Non-comparable dynamic types must not panic in Is.
	s1 := SliceErr{"a", "b"}
	fmt.Println(errors.Is(s1, s1), errors.Is(fmt.Errorf("w: %w", s1), ErrNotFound))

	// %w misuse.
	fmt.Println(fmt.Errorf("two: %w %w", e1, e2))
	fmt.Println(errors.Unwrap(fmt.Errorf("two: %w %w", e1, e2)) == nil)
	fmt.Println(fmt.Errorf("not error: %w", 42))
	fmt.Println(fmt.Errorf("nil: %w", nil))
	fmt.Println(fmt.Sprintf("sprintf: %w", e1))
	fmt.Println(fmt.Errorf("%d%%: %w!", 50, errWithNoWrap{}))
	fmt.Println(errors.Is(nil, nil), errors.Is(e1, nil), errors.Is(nil, e1))

	defer func() { fmt.Println("recovered:", recover()) }()
	errors.As(e1, nil)
}
