// run
// gojit-timeout: 180

// encoding/json, Go's own package, over gojit's reflect: struct tags (omitempty,
// string, "-"), embedded structs, Marshaler and TextMarshaler keys and values,
// RawMessage, time.Time, errors, Decoder with UseNumber, tokens, Indent, Compact.

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

type Base struct {
	ID      int    `json:"id"`
	Created string `json:"created,omitempty"`
}

type Color int

func (c Color) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("color-%d", int(c))), nil }
func (c *Color) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "color-%d", (*int)(c))
	return err
}

type Temp float64

func (t Temp) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf(`"%.1fC"`, float64(t))), nil }

type Item struct {
	Base
	Name     string            `json:"name"`
	Price    float64           `json:"price"`
	Qty      *int              `json:"qty,omitempty"`
	Secret   string            `json:"-"`
	Dash     string            `json:"-,"`
	Count    int64             `json:"count,string"`
	Labels   map[string]string `json:"labels,omitempty"`
	Raw      json.RawMessage   `json:"raw,omitempty"`
	Data     []byte            `json:"data"`
	Colors   map[Color]bool    `json:"colors"`
	T        Temp              `json:"t"`
	When     time.Time         `json:"when"`
	Any      interface{}       `json:"any"`
	private  int
	Nested   struct{ A, B int } `json:"nested"`
	Arr      [2]uint8
	HTML     string
}

func main() {
	q := 7
	it := Item{Base: Base{ID: 1}, Name: "widget", Price: 9.99, Qty: &q, Secret: "s", Dash: "d",
		Count: 12345678901, Labels: map[string]string{"b": "2", "a": "1"}, Raw: json.RawMessage(`{"x":[1,2]}`),
		Data: []byte("hello"), Colors: map[Color]bool{3: true, 1: false}, T: 21.55,
		When: time.Date(2024, 2, 3, 4, 5, 6, 7, time.UTC), Any: []any{1.5, "x", nil, true},
		private: 3, Arr: [2]uint8{1, 2}, HTML: "<a&b>"}
	it.Nested.A = 5
	b, err := json.Marshal(it)
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent(map[string]any{"z": 1, "a": []int{1, 2}, "m": map[int]string{10: "x", 2: "y"}}, ">", "  ")
	fmt.Println(string(b))

	var back Item
	err = json.Unmarshal(b, &back)
	fmt.Println(err)
	raw, _ := json.Marshal(it)
	err = json.Unmarshal(raw, &back)
	fmt.Printf("%v %+v %d %v %s %v %v\n", err, back.Base, *back.Qty, back.Colors, back.Data, back.When, back.Any)

	// Errors.
	var x struct{ A int }
	err = json.Unmarshal([]byte(`{"A":"str"}`), &x)
	fmt.Println(err)
	var ute *json.UnmarshalTypeError
	fmt.Println(errors.As(err, &ute))
	err = json.Unmarshal([]byte(`{"A":1,}`), &x)
	fmt.Println(err)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		fmt.Println("offset", se.Offset)
	}
	err = json.Unmarshal([]byte(`{"A":1e400}`), &x)
	fmt.Println(err)
	fmt.Println(json.Unmarshal([]byte(`1`), nil))
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)
	_, err = json.Marshal(map[bool]int{true: 1})
	fmt.Println(err)

	// Decoder, Number, DisallowUnknownFields.
	dec := json.NewDecoder(strings.NewReader(`{"a":1} {"a":2.5} {"b":3}`))
	dec.UseNumber()
	for {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Printf("%v %T\n", m, m["a"])
	}
	dec = json.NewDecoder(strings.NewReader(`{"A":1,"B":2}`))
	dec.DisallowUnknownFields()
	fmt.Println(dec.Decode(&x))
	dec = json.NewDecoder(strings.NewReader(`[{"k":"v"}, 3, "s"]`))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		fmt.Printf("%T %v\n", tok, tok)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]string{"h": "<x>"})
	var buf bytes.Buffer
	json.Compact(&buf, []byte("{ \"a\" : [ 1 , 2 ] }"))
	fmt.Println(buf.String(), json.Valid([]byte(`{]`)))
	buf.Reset()
	json.Indent(&buf, []byte(`{"a":[1,2],"b":{}}`), "", "\t")
	fmt.Println(buf.String())
	json.HTMLEscape(&buf, []byte(`"<>&"`))
	fmt.Println(buf.String())
	var iface any
	json.Unmarshal([]byte(`{"n":12345678901234567890,"f":-0.5e-3,"s":"\u00e9\ud83d\ude00"}`), &iface)
	fmt.Println(iface)
	type Emb struct {
		*Base
		Extra string
	}
	var e Emb
	fmt.Println(json.Unmarshal([]byte(`{"id":9,"Extra":"x"}`), &e), e.Base.ID, e.Extra)
	var sl []int
	fmt.Println(json.Unmarshal([]byte(`[1,2,3]`), &sl), sl)
	var arr [2]int
	fmt.Println(json.Unmarshal([]byte(`[1,2,3]`), &arr), arr)
	var mi map[int]string
	fmt.Println(json.Unmarshal([]byte(`{"1":"a","-2":"b"}`), &mi), mi)
	var mc map[Color]int
	fmt.Println(json.Unmarshal([]byte(`{"color-4":1}`), &mc), mc)
}
