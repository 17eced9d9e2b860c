// run
// gojit-timeout: 400

// net/http, Go's own, as a server and a client in one program over loopback:
// ServeMux patterns with path values, a JSON POST, a 404.

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
)

type reply struct {
	Path   string `json:"path"`
	Method string `json:"method"`
	Body   string `json:"body"`
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello/{name}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello, %s\n", r.PathValue("name"))
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(reply{r.URL.Path, r.Method, string(b)})
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	base := "http://" + ln.Addr().String()

	resp, err := http.Get(base + "/hello/gopher")
	if err != nil {
		panic(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(resp.Status, " ", string(b))

	resp, err = http.Post(base+"/echo", "text/plain", strings.NewReader("payload"))
	if err != nil {
		panic(err)
	}
	var r reply
	json.NewDecoder(resp.Body).Decode(&r)
	resp.Body.Close()
	fmt.Printf("%s %+v %s\n", resp.Status, r, resp.Header.Get("Content-Type"))

	resp, _ = http.Get(base + "/missing")
	fmt.Println(resp.StatusCode)
	resp.Body.Close()
	srv.Close()
}
