// bench: edit-run: a program importing fmt, time, encoding/json and net/http, one
// line of main changed before each run (gc side: `go run` with a warm build cache).
// quick: 0
// mode: edit

package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"
)

// The driver gives this a new number before each timed run.
var editStamp = 0

type reply struct {
	Path  string        `json:"path"`
	Took  time.Duration `json:"took"`
	Stamp bool          `json:"stamped"`
}

func main() {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(reply{Path: r.URL.Path, Took: 1500 * time.Millisecond, Stamp: editStamp >= 0})
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/edit/run", nil))
	var got reply
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"), got.Path, got.Took, got.Stamp)
}
