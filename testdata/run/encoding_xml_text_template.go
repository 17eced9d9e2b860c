// run
// gojit-timeout: 180

// encoding/xml and text/template, Go's own packages: attributes, comments,
// nested elements; pipelines, functions, range over slices and maps, methods.

package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Addr struct {
	City string `xml:"city"`
	Zip  string `xml:"zip,attr"`
}

type Person struct {
	XMLName xml.Name `xml:"person"`
	ID      int      `xml:"id,attr"`
	Name    string   `xml:"name"`
	Emails  []string `xml:"email"`
	Addr    Addr     `xml:"addr"`
	Note    string   `xml:",comment"`
}

func (p Person) Greeting(s string) string { return s + ", " + p.Name }

func main() {
	p := Person{ID: 7, Name: "Ann", Emails: []string{"a@x", "b@y"}, Addr: Addr{"Oslo", "0150"}, Note: "hi"}
	out, err := xml.MarshalIndent(p, "", "  ")
	fmt.Println(string(out), err)
	var q Person
	err = xml.Unmarshal(out, &q)
	fmt.Printf("%+v %v\n", q, err)

	funcs := template.FuncMap{"upper": strings.ToUpper, "add": func(a, b int) int { return a + b }}
	t := template.Must(template.New("t").Funcs(funcs).Parse(
		`{{.Name | upper}} has {{len .Emails}} emails:{{range $i, $e := .Emails}} {{add $i 1}}={{$e}}{{end}}
{{with .Addr}}{{.City}} {{.Zip}}{{end}} {{.Greeting "Hello"}} {{printf "%05d" .ID}}
{{if gt .ID 5}}big{{else}}small{{end}} {{index .Emails 1}} {{.Addr.City | printf "%q"}}
`))
	if err := t.Execute(os.Stdout, p); err != nil {
		fmt.Println(err)
	}
	m := map[string]any{"b": 2, "a": []int{1, 2}}
	template.Must(template.New("m").Parse("{{range $k, $v := .}}{{$k}}={{$v}};{{end}}\n")).Execute(os.Stdout, m)
	err = template.Must(template.New("e").Parse("{{.Missing}}\n")).Execute(os.Stdout, p)
	fmt.Println(err)
}
