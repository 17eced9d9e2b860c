// bench: encoding/json: marshals a 1 MB document of nested records and unmarshals
// it back into structs and into map[string]any, several rounds (Go's json package).
// quick: 2

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
)

const defaultN = 20 // size: rounds of marshal + unmarshal (os.Args[1] overrides)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city"`
	Zip    string `json:"zip,omitempty"`
}

type Order struct {
	ID       int64    `json:"id"`
	Amount   float64  `json:"amount"`
	Items    []string `json:"items"`
	Shipped  bool     `json:"shipped"`
	Comments *string  `json:"comments,omitempty"`
}

type Customer struct {
	Name    string            `json:"name"`
	Email   string            `json:"email"`
	Age     int               `json:"age"`
	Address Address           `json:"address"`
	Tags    map[string]string `json:"tags"`
	Orders  []Order           `json:"orders"`
}

type Document struct {
	Version   int        `json:"version"`
	Customers []Customer `json:"customers"`
}

// A deterministic document of about 1 MB.
func build() Document {
	seed := uint32(7)
	next := func() uint32 {
		seed = seed*1664525 + 1013904223
		return seed >> 8
	}
	doc := Document{Version: 3}
	for i := 0; i < 2000; i++ {
		c := Customer{
			Name:    "customer-" + strconv.Itoa(i),
			Email:   fmt.Sprintf("user%d@example.com", next()%100000),
			Age:     int(18 + next()%60),
			Address: Address{Street: strconv.Itoa(int(next()%999)) + " Main \"St\"", City: "Zürich", Zip: strconv.Itoa(int(next() % 100000))},
			Tags:    map[string]string{"tier": []string{"gold", "silver", "bronze"}[next()%3], "region": "eu-" + strconv.Itoa(int(next()%4))},
		}
		for k := 0; k < 3; k++ {
			o := Order{ID: int64(next()) << 8, Amount: float64(next()%100000) / 100, Shipped: next()%2 == 0}
			for m := 0; m < 3; m++ {
				o.Items = append(o.Items, "sku-"+strconv.Itoa(int(next()%5000)))
			}
			if next()%4 == 0 {
				s := "leave at the door <fragile> & \u00e9"
				o.Comments = &s
			}
			c.Orders = append(c.Orders, o)
		}
		doc.Customers = append(doc.Customers, c)
	}
	return doc
}

func main() {
	n := defaultN
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	doc := build()
	var size, orders, keys int
	var total float64
	for round := 0; round < n; round++ {
		data, err := json.Marshal(doc)
		if err != nil {
			panic(err)
		}
		size = len(data)
		var back Document
		if err := json.Unmarshal(data, &back); err != nil {
			panic(err)
		}
		orders, total = 0, 0
		for _, c := range back.Customers {
			for _, o := range c.Orders {
				orders++
				total += o.Amount
			}
		}
		var generic map[string]any
		if err := json.Unmarshal(data, &generic); err != nil {
			panic(err)
		}
		keys = len(generic["customers"].([]any)[0].(map[string]any))
	}
	fmt.Printf("bytes %d orders %d total %.2f keys %d\n", size, orders, total, keys)
}
