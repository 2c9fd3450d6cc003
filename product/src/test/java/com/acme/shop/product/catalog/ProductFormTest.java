package com.acme.shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.product.Money;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProductFormTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void acceptsAValidProductAndNormalisesIt() {
        ProductForm form = new ProductForm("mug-01", "  Mug  ", null, new Money(0L, "EUR"), 0, "  ");

        assertThat(VALIDATOR.validate(form, ProductForm.Create.class)).isEmpty();
        assertThat(form.toData()).isEqualTo(new ProductData("MUG-01", "Mug", "", 0, "EUR", 0, null));
    }

    @Test
    void stockIsRequiredOnCreateOnly() {
        ProductForm form = new ProductForm("MUG-01", "Mug", null, new Money(100L, "EUR"), null, null);

        assertThat(fields(VALIDATOR.validate(form, ProductForm.Create.class))).containsExactly("stock");
        assertThat(VALIDATOR.validate(form)).isEmpty();
    }

    @Test
    void checksSkuImageUrlAndLimits() {
        assertThat(invalid("MU", "Mug", 1L, 1, null)).containsExactly("sku");
        assertThat(invalid("MUG--1", "Mug", 1L, 1, null)).containsExactly("sku");
        assertThat(invalid("MUG 1", "Mug", 1L, 1, null)).containsExactly("sku");
        assertThat(invalid("MUG-1", "Mug\u0007", 1L, 1, null)).containsExactly("name");
        assertThat(invalid("MUG-1", "Mug", Money.MAX_AMOUNT + 1, 1, null)).containsExactly("price.amount");
        assertThat(invalid("MUG-1", "Mug", 1L, -1, null)).containsExactly("stock");
        assertThat(invalid("MUG-1", "Mug", 1L, 1_000_001, null)).containsExactly("stock");
        for (String bad : new String[] { "images/x.svg", "//evil.example/x.svg", "http://x.example/a.png",
                "javascript:alert(1)", "data:image/svg+xml;base64,AAAA", "/a b.svg", "https://" }) {
            assertThat(invalid("MUG-1", "Mug", 1L, 1, bad)).as(bad).containsExactly("imageUrl");
        }
        for (String good : new String[] { "/images/products/mug.svg", "https://cdn.example.com/p/mug.png?v=2",
                "https://cdn.example.com:8443/mug.png" }) {
            assertThat(invalid("MUG-1", "Mug", 1L, 1, good)).as(good).isEmpty();
        }
    }

    private static Set<String> invalid(String sku, String name, long amount, int stock, String imageUrl) {
        return fields(VALIDATOR.validate(
                new ProductForm(sku, name, "Text\nwith a line break.", new Money(amount, "EUR"), stock, imageUrl),
                ProductForm.Create.class));
    }

    private static Set<String> fields(Set<ConstraintViolation<ProductForm>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

}
