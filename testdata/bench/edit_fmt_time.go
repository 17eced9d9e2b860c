// bench: edit-run: a program importing fmt and time, one line of main changed
// before each run (gc side: `go run` with a warm build cache).
// quick: 0
// mode: edit

package main

import (
	"fmt"
	"time"
)

// The driver gives this a new number before each timed run.
var editStamp = 0

func main() {
	d := 90*time.Minute + 30*time.Second
	t := time.Date(2026, time.December, 7, 12, 0, 0, 0, time.UTC)
	fmt.Println(d, t.Add(d).Format(time.RFC3339), editStamp >= 0)
}
