import { http, type CursorPage } from '@/api/http'
import type { FieldError } from '@/api/problem'
import { PAGE_SIZE } from '@/composables/useCursorList'
import type { Order } from '@/modules/customers/api'

/** lead 引流品, hero 明星品, personalised 个性化, premium 贵族. */
export const PRODUCT_ROLES = ['lead', 'hero', 'personalised', 'premium'] as const
export type ProductRole = (typeof PRODUCT_ROLES)[number]

export const ORDER_STATUSES = ['pending', 'paid', 'partially_refunded', 'refunded'] as const

export interface Product {
  id: number
  sku: string
  name: string
  role: ProductRole | string
  category?: string | null
  price: number
  active: boolean
  updatedAt: string
}

export interface ProductWrite {
  sku: string
  name: string
  role: string
  category: string | null
  price: number
  active: boolean
}

export interface BatchResult {
  written: number
  rejected: number
  results: { index: number; sku?: string | null; status: string; errors?: FieldError[] | null }[]
}

export interface ProductFilters {
  q: string
  role: string
  category: string
}

/** An order in the tenant-wide list: the customer's one plus whose it is. */
export interface OrderSummary extends Order {
  id: number
  customerId?: number | null
}

const PRODUCTS = '/api/v1/products'

export const productsApi = {
  list: (filters: ProductFilters, cursor: string | null) =>
    http.get<CursorPage<Product>>(PRODUCTS, {
      q: filters.q.trim(),
      role: filters.role,
      category: filters.category,
      limit: PAGE_SIZE,
      cursor,
    }),
  categories: () => http.get<string[]>(`${PRODUCTS}/categories`),
  save: (product: ProductWrite) => http.post<BatchResult>(PRODUCTS, { products: [product] }),
}

/** POST /orders/{orderNo}/payments; `paymentNo` makes a resend change nothing. */
export interface PaymentWrite {
  paymentNo: string
  /** Yuan as decimal text ("9.90"). */
  amount: string
  paidAt: string
  method: string | null
}

/** POST /orders/{orderNo}/refunds; `refundNo` makes a resend change nothing. */
export interface RefundWrite {
  refundNo: string
  /** Yuan as decimal text; at most what is left to refund. */
  amount: string
  refundedAt: string
  reason: string | null
}

/** Payment methods with a label; the server takes any text. */
export const PAYMENT_METHODS = ['wechat', 'alipay', 'unionpay', 'card', 'cash', 'balance'] as const

const ORDERS = '/api/v1/orders'
const order = (orderNo: string) => `${ORDERS}/${encodeURIComponent(orderNo)}`

export const ordersApi = {
  list: (status: string, cursor: string | null) =>
    http.get<CursorPage<OrderSummary>>(ORDERS, { status, limit: PAGE_SIZE, cursor }),
  get: (orderNo: string, signal?: AbortSignal) =>
    http.get<OrderSummary>(order(orderNo), undefined, signal),
  pay: (orderNo: string, payment: PaymentWrite) =>
    http.post<OrderSummary>(`${order(orderNo)}/payments`, payment),
  refund: (orderNo: string, refund: RefundWrite) =>
    http.post<OrderSummary>(`${order(orderNo)}/refunds`, refund),
}
