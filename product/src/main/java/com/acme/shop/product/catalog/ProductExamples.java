package com.acme.shop.product.catalog;

/**
 * The examples of the product API document, taken from real answers (the spec test sends
 * every request example; {@code target/openapi/product-calls.json}).
 */
public final class ProductExamples {

    /**
     * The Enamel Camp Mug the examples update (version 0 → 1), reserve and release (→ 3),
     * read and delete.
     */
    public static final String MUG_ID = "7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6";

    static final String CREATE_REQUEST = """
            {"sku":"TOWEL-LINEN-01","name":"Linen Tea Towel","description":"A 50 × 70 cm tea towel of washed linen.",\
            "price":{"amount":1450,"currency":"EUR"},"stock":40,"imageUrl":"/images/products/linen-tea-towel.svg"}""";

    static final String TOWEL = """
            {"id":"c2a9e1f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b","sku":"TOWEL-LINEN-01","name":"Linen Tea Towel",\
            "description":"A 50 × 70 cm tea towel of washed linen.","price":{"amount":1450,"currency":"EUR"},\
            "stock":40,"imageUrl":"/images/products/linen-tea-towel.svg","active":true,\
            "createdAt":"2026-12-02T14:40:00.123456Z","updatedAt":"2026-12-02T14:40:00.123456Z","version":0}""";

    static final String MUG = """
            {"id":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","sku":"MUG-ENAMEL-01","name":"Enamel Camp Mug",\
            "description":"A 350 ml steel mug with a speckled enamel finish.","price":{"amount":1199,"currency":"EUR"},\
            "stock":30,"imageUrl":"/images/products/enamel-camp-mug.svg","active":true,\
            "createdAt":"2026-12-01T09:00:00Z","updatedAt":"2026-12-02T14:40:00.561423Z","version":3}""";

    static final String PAGE = """
            {"content":[""" + MUG + """
            ],"page":{"size":20,"number":0,"totalElements":1,"totalPages":1}}""";

    static final String UPDATE_REQUEST = """
            {"sku":"MUG-ENAMEL-01","name":"Enamel Camp Mug","description":"A 350 ml steel mug with a speckled enamel \
            finish.","price":{"amount":1199,"currency":"EUR"},"stock":30,"imageUrl":"/images/products/enamel-camp-mug.svg"}""";

    static final String MUG_UPDATED = """
            {"id":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","sku":"MUG-ENAMEL-01","name":"Enamel Camp Mug",\
            "description":"A 350 ml steel mug with a speckled enamel finish.","price":{"amount":1199,"currency":"EUR"},\
            "stock":30,"imageUrl":"/images/products/enamel-camp-mug.svg","active":true,\
            "createdAt":"2026-12-01T09:00:00Z","updatedAt":"2026-12-02T14:40:01.456789Z","version":1}""";

    private ProductExamples() {
    }

}
