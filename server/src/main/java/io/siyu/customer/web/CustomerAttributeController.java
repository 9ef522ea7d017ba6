package io.siyu.customer.web;

import io.siyu.access.Permission;
import io.siyu.customer.AttributeDefinition;
import io.siyu.customer.AttributeType;
import io.siyu.customer.CustomerAttributes;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customer-attributes")
@Tag(name = "Customers")
class CustomerAttributeController {

    /** A definition as written and read; {@code options} only for enum and multi_enum. */
    record AttributeBody(
            @Nullable String key,
            @Nullable String label,
            @Nullable String type,
            @Nullable List<String> options,
            @Nullable Boolean required,
            @Nullable Integer position) {

        static AttributeBody of(AttributeDefinition d) {
            return new AttributeBody(d.key(), d.label(), d.type().code(), d.options(), d.required(), d.position());
        }

        AttributeDefinition toDefinition(String fixedKey) {
            var parsedType = type == null ? null : AttributeType.fromCode(type).orElse(null);
            if (parsedType == null) {
                throw new DomainException(
                        HttpStatus.BAD_REQUEST,
                        "problem.invalid-request",
                        List.of(new FieldProblem("type", "customer.attribute.type", String.valueOf(type))));
            }
            return new AttributeDefinition(
                    fixedKey,
                    label == null ? "" : label.strip(),
                    parsedType,
                    options == null
                            ? List.of()
                            : options.stream().map(String::strip).toList(),
                    Boolean.TRUE.equals(required),
                    position == null ? 0 : position);
        }
    }

    private final CustomerAttributes attributes;

    CustomerAttributeController(CustomerAttributes attributes) {
        this.attributes = attributes;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_READ + "')")
    @Operation(summary = "The tenant's custom customer attributes, in display order")
    List<AttributeBody> list() {
        return attributes.all().stream().map(AttributeBody::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_WRITE + "')")
    @Operation(
            summary = "Define an attribute: key (a-z first, then letters, digits, _), label, type (string, number,"
                    + " date, enum, multi_enum, boolean), options for the enum types; at most 100 per tenant")
    AttributeBody create(@RequestBody AttributeBody body) {
        return AttributeBody.of(attributes.create(body.toDefinition(body.key() == null ? "" : body.key())));
    }

    @PutMapping("/{key}")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_WRITE + "')")
    @Operation(summary = "Change label, options, required flag or position; key and type stay")
    AttributeBody update(@PathVariable String key, @RequestBody AttributeBody body) {
        return AttributeBody.of(attributes.update(body.toDefinition(key)));
    }

    @DeleteMapping("/{key}")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_WRITE + "')")
    @Operation(summary = "Delete an attribute and every customer's value of it")
    ResponseEntity<Void> delete(@PathVariable String key) {
        attributes.delete(key);
        return ResponseEntity.noContent().build();
    }
}
