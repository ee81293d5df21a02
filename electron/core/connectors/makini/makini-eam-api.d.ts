// Generated from ../shared/makini-api/oas3_eam.json by scripts/generate-makini-types.mjs.
// Do not edit by hand. Schemas published as [] and read as open objects: Dimension.
export interface paths {
    "/api/eam/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Organization
         * @description Organization endpoint provides access to information about organizations, including their names, contact information, and structures. It is a top-level entity in the system, available for systems that support a multi-organizational structure.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Organization"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/organizations/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an Organization
         * @description Organization endpoint provides access to information about organizations, including their names, contact information, and structures. It is a top-level entity in the system, available for systems that support a multi-organizational structure.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Organization"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Site
         * @description This endpoint returns a list of sites, which represent physical locations or facilities where equipment is installed or operations are conducted. This includes manufacturing plants and offices, but specifically refers to operational facilities used for maintenance activities rather than financial or administrative locations.
         *
         *     ### What constitutes a "Site":
         *     - Physical locations where maintenance work is performed
         *     - Operational facilities (factories, plants, warehouses, etc.)
         *     - Service centers or repair facilities
         *     - Field locations where equipment is maintained
         *     - Any location where maintenance activities are tracked and managed
         *
         *     ### What does NOT constitute a "Site":
         *     - Corporate headquarters or administrative offices
         *     - Financial reporting locations
         *     - Legal entity locations
         *     - Billing or accounting addresses
         *     - Virtual or conceptual business units
         *
         *     This distinction is important when integrating with maintenance management systems, as the site data returned by this endpoint is specifically designed for operational maintenance workflows and asset management rather than financial reporting or organizational structure mapping.
         *
         *     ---
         *
         *     ## Additional Context
         *
         *     When using the List Sites endpoint, expect to receive data about physical locations where:
         *     - Work orders are executed
         *     - Assets are located and maintained
         *     - Maintenance teams are deployed
         *     - Equipment downtime is tracked
         *     - Service requests originate
         *
         *     This operational focus ensures that the site data aligns with maintenance management workflows and provides the most relevant location information for field service and asset management use cases.
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Site"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/sites/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Site
         * @description This endpoint returns a list of sites, which represent physical locations or facilities where equipment is installed or operations are conducted. This includes manufacturing plants and offices, but specifically refers to operational facilities used for maintenance activities rather than financial or administrative locations.
         *
         *     ### What constitutes a "Site":
         *     - Physical locations where maintenance work is performed
         *     - Operational facilities (factories, plants, warehouses, etc.)
         *     - Service centers or repair facilities
         *     - Field locations where equipment is maintained
         *     - Any location where maintenance activities are tracked and managed
         *
         *     ### What does NOT constitute a "Site":
         *     - Corporate headquarters or administrative offices
         *     - Financial reporting locations
         *     - Legal entity locations
         *     - Billing or accounting addresses
         *     - Virtual or conceptual business units
         *
         *     This distinction is important when integrating with maintenance management systems, as the site data returned by this endpoint is specifically designed for operational maintenance workflows and asset management rather than financial reporting or organizational structure mapping.
         *
         *     ---
         *
         *     ## Additional Context
         *
         *     When using the List Sites endpoint, expect to receive data about physical locations where:
         *     - Work orders are executed
         *     - Assets are located and maintained
         *     - Maintenance teams are deployed
         *     - Equipment downtime is tracked
         *     - Service requests originate
         *
         *     This operational focus ensures that the site data aligns with maintenance management workflows and provides the most relevant location information for field service and asset management use cases.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Site"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Location
         * @description This endpoint returns a list of locations, which represent specific areas or positions within a facility where assets, inventory, or operations are tracked and managed. Locations provide granular positioning data within sites and serve different purposes across EAM, ERP, and WMS systems.
         *
         *     ### What constitutes a "Location":
         *     - Specific areas within a facility (e.g., Room 101, Loading Dock A, Production Line 3)
         *     - Asset installation positions (e.g., Motor Mount B-12, Conveyor Section 7)
         *     - Inventory storage positions (e.g., Warehouse Aisle 5 Shelf C, Bin Location A1-B3)
         *     - Work zones or operational areas (e.g., Assembly Station 4, Quality Control Bay)
         *     - Functional areas within a site (e.g., Maintenance Shop, Parts Storage, Office Area)
         *
         *     ### What does NOT constitute a "Location":
         *     - Entire buildings or facilities (see Sites)
         *     - Geographic coordinates without operational context
         *     - Virtual or logical groupings without physical presence
         *     - External addresses or delivery destinations
         *
         *     Locations provide the detailed positioning data needed for efficient asset management, inventory control, and operational planning within the broader context of a site.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Location"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/locations/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Location
         * @description This endpoint returns a list of locations, which represent specific areas or positions within a facility where assets, inventory, or operations are tracked and managed. Locations provide granular positioning data within sites and serve different purposes across EAM, ERP, and WMS systems.
         *
         *     ### What constitutes a "Location":
         *     - Specific areas within a facility (e.g., Room 101, Loading Dock A, Production Line 3)
         *     - Asset installation positions (e.g., Motor Mount B-12, Conveyor Section 7)
         *     - Inventory storage positions (e.g., Warehouse Aisle 5 Shelf C, Bin Location A1-B3)
         *     - Work zones or operational areas (e.g., Assembly Station 4, Quality Control Bay)
         *     - Functional areas within a site (e.g., Maintenance Shop, Parts Storage, Office Area)
         *
         *     ### What does NOT constitute a "Location":
         *     - Entire buildings or facilities (see Sites)
         *     - Geographic coordinates without operational context
         *     - Virtual or logical groupings without physical presence
         *     - External addresses or delivery destinations
         *
         *     Locations provide the detailed positioning data needed for efficient asset management, inventory control, and operational planning within the broader context of a site.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Location"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/storerooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Storeroom
         * @description Is a designated space within a location used for the storage and management of inventory, supplies, or equipment.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Storeroom"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/storerooms/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Storeroom
         * @description Is a designated space within a location used for the storage and management of inventory, supplies, or equipment.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Storeroom"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Account
         * @description This endpoint returns a list of accounts, which represent financial accounts used for tracking and categorizing financial transactions. Accounts provide the structure for organizing financial data in accounting and ERP systems.
         *
         *     ### What constitutes an "Account":
         *     - General Ledger (GL) accounts for financial reporting
         *     - Cost centers for expense allocation and tracking
         *     - Revenue accounts for income categorization
         *     - Asset accounts for tracking company resources
         *     - Liability accounts for tracking obligations
         *     - Equity accounts for ownership tracking
         *     - Department or project accounts for organizational reporting
         *
         *     ### Common Account Types:
         *     - **Assets:** Cash, accounts receivable, inventory, equipment
         *     - **Liabilities:** Accounts payable, loans, accrued expenses
         *     - **Revenue:** Sales revenue, service income, other income
         *     - **Expenses:** Operating expenses, cost of goods sold, administrative costs
         *     - **Equity:** Retained earnings, capital contributions
         *
         *     ### Usage Context:
         *     Accounts serve as the foundation for financial reporting, budgeting, and cost tracking. They enable organizations to categorize transactions, generate financial statements, and analyze financial performance across different business areas or projects.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Account"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/accounts/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an Account
         * @description This endpoint returns a list of accounts, which represent financial accounts used for tracking and categorizing financial transactions. Accounts provide the structure for organizing financial data in accounting and ERP systems.
         *
         *     ### What constitutes an "Account":
         *     - General Ledger (GL) accounts for financial reporting
         *     - Cost centers for expense allocation and tracking
         *     - Revenue accounts for income categorization
         *     - Asset accounts for tracking company resources
         *     - Liability accounts for tracking obligations
         *     - Equity accounts for ownership tracking
         *     - Department or project accounts for organizational reporting
         *
         *     ### Common Account Types:
         *     - **Assets:** Cash, accounts receivable, inventory, equipment
         *     - **Liabilities:** Accounts payable, loans, accrued expenses
         *     - **Revenue:** Sales revenue, service income, other income
         *     - **Expenses:** Operating expenses, cost of goods sold, administrative costs
         *     - **Equity:** Retained earnings, capital contributions
         *
         *     ### Usage Context:
         *     Accounts serve as the foundation for financial reporting, budgeting, and cost tracking. They enable organizations to categorize transactions, generate financial statements, and analyze financial performance across different business areas or projects.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Account"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Team
         * @description A division responsible for conducting asset maintenance. It can be assigned to execute work orders.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Team"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/teams/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Team
         * @description A division responsible for conducting asset maintenance. It can be assigned to execute work orders.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Team"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/labors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Labor
         * @description Refers to internal or external human resources involved in the execution of work orders. It is used to track cost and time for planning purposes.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Labor"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/labors/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Labor
         * @description Refers to internal or external human resources involved in the execution of work orders. It is used to track cost and time for planning purposes.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Labor"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List User
         * @description User account in the system
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["User"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/users/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an User
         * @description User account in the system
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["User"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/uom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List UnitOfMeasure
         * @description Units of Measure represent standardized values used for measuring and accounting for materials.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["UnitOfMeasure"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/uom/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an UnitOfMeasure
         * @description Units of Measure represent standardized values used for measuring and accounting for materials.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["UnitOfMeasure"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Company
         * @description Contact information for a third-party entity.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Company"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/companies/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Company
         * @description Contact information for a third-party entity.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Company"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/vendors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Vendor
         * @description An external entity that provides services or supplies. Subdivision of Company
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Vendor"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/vendors/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Vendor
         * @description An external entity that provides services or supplies. Subdivision of Company
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Vendor"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Customer
         * @description An external entity that can consume products or services, used as a target in sales and shipment orders. Subdivision of Company
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Customer"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a Customer
         * @description [Detail validations](docs/platform-validation.md)
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        name?: string | null;
                        /** Format: string */
                        code?: string | null;
                        /** Format: string */
                        companyKey?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Customer"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/customers/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Customer
         * @description An external entity that can consume products or services, used as a target in sales and shipment orders. Subdivision of Company
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Customer"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/stocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Stock
         * @description The quantity of materials per location and storeroom
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Stock"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a Stock
         * @description [Detail validations](docs/platform-validation.md)
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        productKey?: string | null;
                        /** Format: string */
                        materialKey?: string | null;
                        /** Format: string */
                        locationKey?: string | null;
                        /** Format: string */
                        storeroomKey?: string | null;
                        /** Format: string */
                        assetKey?: string | null;
                        /** Format: string */
                        position?: string | null;
                        /** Format: string */
                        uomKey?: string | null;
                        /** Format: nullable|numeric */
                        quantity?: Record<string, never> | null;
                        /** Format: string */
                        expiresAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Stock"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/stocks/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Stock
         * @description The quantity of materials per location and storeroom
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Stock"];
                        };
                    };
                };
            };
        };
        /**
         * Update a Stock
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        productKey?: string | null;
                        /** Format: string */
                        materialKey?: string | null;
                        /** Format: string */
                        locationKey?: string | null;
                        /** Format: string */
                        storeroomKey?: string | null;
                        /** Format: string */
                        assetKey?: string | null;
                        /** Format: string */
                        position?: string | null;
                        /** Format: string */
                        uomKey?: string | null;
                        /** Format: nullable|numeric */
                        quantity?: Record<string, never> | null;
                        /** Format: string */
                        expiresAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Stock"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/purchase-orders/{key}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update a PurchaseOrder Status
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        status?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["PurchaseOrder"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/purchase-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List PurchaseOrder
         * @description A purchase order is a document for ordering goods or services, specifying the details, conditions of the purchase and line items
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["PurchaseOrder"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a PurchaseOrder
         * @description [Detail validations](docs/platform-validation.md)
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        siteKey?: string | null;
                        /** Format: string */
                        vendorKey?: string | null;
                        /** Format: string */
                        code?: string | null;
                        /** Format: string */
                        orderNo?: string | null;
                        /** Format: nullable|date */
                        orderDate?: Record<string, never> | null;
                        /** Format: string */
                        statusKey?: string | null;
                        /** Format: string */
                        title?: string | null;
                        /** Format: string */
                        description?: string | null;
                        /** Format: string */
                        dueAt?: string | null;
                        /** Format: string */
                        approvedAt?: string | null;
                        /** Format: string */
                        completedAt?: string | null;
                        /** Format: string */
                        shippingMethod?: string | null;
                        /** Format: string */
                        terms?: string | null;
                        /** Format: string */
                        notes?: string | null;
                        /** Format: string */
                        currencyKey?: string | null;
                        /** Format: nullable */
                        totalNetValue?: Record<string, never> | null;
                        /** Format: nullable */
                        totalTaxValue?: Record<string, never> | null;
                        /** Format: nullable */
                        totalGrossValue?: Record<string, never> | null;
                        /** Format: string */
                        createdAt?: string | null;
                        /** Format: string */
                        updatedAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["PurchaseOrder"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/purchase-orders/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a PurchaseOrder
         * @description A purchase order is a document for ordering goods or services, specifying the details, conditions of the purchase and line items
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["PurchaseOrder"];
                        };
                    };
                };
            };
        };
        /**
         * Update a PurchaseOrder
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        siteKey?: string | null;
                        /** Format: string */
                        vendorKey?: string | null;
                        /** Format: string */
                        code?: string;
                        /** Format: string */
                        orderNo?: string | null;
                        /** Format: nullable|date */
                        orderDate?: Record<string, never> | null;
                        /** Format: string */
                        statusKey?: string | null;
                        /** Format: string */
                        title?: string | null;
                        /** Format: string */
                        description?: string | null;
                        /** Format: string */
                        dueAt?: string | null;
                        /** Format: string */
                        approvedAt?: string | null;
                        /** Format: string */
                        completedAt?: string | null;
                        /** Format: string */
                        shippingMethod?: string | null;
                        /** Format: string */
                        terms?: string | null;
                        /** Format: string */
                        notes?: string | null;
                        /** Format: string */
                        currencyKey?: string | null;
                        /** Format: nullable */
                        totalNetValue?: Record<string, never> | null;
                        /** Format: nullable */
                        totalTaxValue?: Record<string, never> | null;
                        /** Format: nullable */
                        totalGrossValue?: Record<string, never> | null;
                        /** Format: string */
                        createdAt?: string | null;
                        /** Format: string */
                        updatedAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["PurchaseOrder"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/purchase-orders.line-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List LineItem
         * @description <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["LineItem"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/purchase-orders.line-items/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a LineItem */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["LineItem"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/materials/{key}/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update a Material Inventory
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        code?: string | null;
                        /** Format: string */
                        name?: string | null;
                        /** Format: integer */
                        quantity?: number | null;
                        /** Format: integer */
                        unitCost?: number | null;
                        /** Format: string */
                        locationKey?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Material"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/materials/{key}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a MaterialItem Material */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Part */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Part"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a Part
         * @description [Detail validations](docs/platform-validation.md)
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: array */
                        siteKeys?: unknown[] | null;
                        /** Format: array */
                        parentKeys?: unknown[] | null;
                        /** Format: array */
                        assetKeys?: unknown[] | null;
                        /** Format: string */
                        vendorKeys?: string | null;
                        /** Format: array */
                        documents?: unknown[] | null;
                        /** Format: string */
                        accountKey?: string | null;
                        /** Format: string */
                        code?: string | null;
                        /** Format: boolean */
                        isAssembly?: boolean | null;
                        /** Format: string */
                        partNumber?: string | null;
                        /** Format: string */
                        name?: string | null;
                        /** Format: string */
                        description?: string | null;
                        /** Format: string */
                        notes?: string | null;
                        /** Format: string */
                        criticality?: string | null;
                        /** Format: boolean */
                        isActive?: boolean | null;
                        /** Format: string */
                        manufacturerName?: string | null;
                        /** Format: string */
                        minimumQuantity?: string | null;
                        /** Format: nullable|numeric */
                        cost?: Record<string, never> | null;
                        /** Format: string */
                        currency?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Part"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/materials/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a Part */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Part"];
                        };
                    };
                };
            };
        };
        /**
         * Update a Part
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: array */
                        siteKeys?: unknown[] | null;
                        /** Format: array */
                        parentKeys?: unknown[] | null;
                        /** Format: array */
                        assetKeys?: unknown[] | null;
                        /** Format: string */
                        vendorKeys?: string | null;
                        /** Format: array */
                        documents?: unknown[] | null;
                        /** Format: string */
                        accountKey?: string | null;
                        /** Format: string */
                        code?: string | null;
                        /** Format: boolean */
                        isAssembly?: boolean | null;
                        /** Format: string */
                        partNumber?: string | null;
                        /** Format: string */
                        name?: string | null;
                        /** Format: string */
                        description?: string | null;
                        /** Format: string */
                        notes?: string | null;
                        /** Format: string */
                        criticality?: string | null;
                        /** Format: boolean */
                        isActive?: boolean | null;
                        /** Format: string */
                        manufacturerName?: string | null;
                        /** Format: string */
                        minimumQuantity?: string | null;
                        /** Format: nullable|numeric */
                        cost?: Record<string, never> | null;
                        /** Format: string */
                        currency?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Part"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/assets/{key}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a MaterialItem Material */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Asset
         * @description A physical entity in the facility's hierarchy structure. It can be either equipment available for maintenance or system of assets in site hierarchy.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Asset"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an Asset
         * @description [Detail validations](docs/platform-validation.md)
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        siteKey?: string | null;
                        /** Format: string */
                        parentKey?: string | null;
                        /** Format: string */
                        vendorKey?: string | null;
                        /** Format: string */
                        modelKey?: string | null;
                        /** Format: string */
                        assetTemplateKey?: string | null;
                        /** Format: string */
                        teamKey?: string | null;
                        /** Format: string */
                        locationKey?: string | null;
                        /** Format: string */
                        accountKey?: string | null;
                        /** Format: string */
                        name?: string | null;
                        /** Format: string */
                        description?: string | null;
                        /** Format: string */
                        notes?: string | null;
                        /** Format: string */
                        categoryName?: string | null;
                        /** Format: string */
                        criticality?: string | null;
                        /** Format: boolean */
                        isActive?: boolean | null;
                        /** Format: string */
                        manufacturerName?: string | null;
                        /** Format: string */
                        modelName?: string | null;
                        /** Format: string */
                        serialNumber?: string | null;
                        /** Format: string */
                        activatedAt?: string | null;
                        /** Format: string */
                        deactivatedAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Asset"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/assets/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an Asset
         * @description A physical entity in the facility's hierarchy structure. It can be either equipment available for maintenance or system of assets in site hierarchy.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Asset"];
                        };
                    };
                };
            };
        };
        /**
         * Update an Asset
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        siteKey?: string | null;
                        /** Format: string */
                        parentKey?: string | null;
                        /** Format: string */
                        vendorKey?: string | null;
                        /** Format: string */
                        modelKey?: string | null;
                        /** Format: string */
                        teamKey?: string | null;
                        /** Format: string */
                        locationKey?: string | null;
                        /** Format: string */
                        accountKey?: string | null;
                        /** Format: string */
                        name?: string | null;
                        /** Format: string */
                        description?: string | null;
                        /** Format: string */
                        notes?: string | null;
                        /** Format: string */
                        categoryName?: string | null;
                        /** Format: string */
                        criticality?: string | null;
                        /** Format: boolean */
                        isActive?: boolean | null;
                        /** Format: string */
                        manufacturerName?: string | null;
                        /** Format: string */
                        modelName?: string | null;
                        /** Format: string */
                        serialNumber?: string | null;
                        /** Format: string */
                        activatedAt?: string | null;
                        /** Format: string */
                        deactivatedAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Asset"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/assets-downtime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List AssetDowntime
         * @description Information on planned or unplanned downtime periods for assets.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["AssetDowntime"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/assets-downtime/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an AssetDowntime
         * @description Information on planned or unplanned downtime periods for assets.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["AssetDowntime"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/asset-templates/{key}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a MaterialItem Material */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/asset-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Model
         * @description <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Model"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/asset-templates/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a Model */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Model"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/meters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Counter
         * @description Is a tool for tracking the number of specific events or operations, used for analyzing performance and other parameters, as well as scheduling condition-based maintenance
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Counter"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/meters/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Counter
         * @description Is a tool for tracking the number of specific events or operations, used for analyzing performance and other parameters, as well as scheduling condition-based maintenance
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Counter"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/meter-readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List CounterReading
         * @description <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["CounterReading"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/meter-readings/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a CounterReading */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["CounterReading"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/pm/{key}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a MaterialItem Material */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/pm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List PreventiveMaintenance
         * @description Templates for time-based or counter-based maintenance, used as a basis for creating new work orders
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["PreventiveMaintenance"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/pm/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a PreventiveMaintenance
         * @description Templates for time-based or counter-based maintenance, used as a basis for creating new work orders
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["PreventiveMaintenance"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/work-orders/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List CustomField CustomFields */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["CustomField"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/work-orders/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List WorkOrder Materials */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["WorkOrder"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/work-orders/{key}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List WorkOrder Materials */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["WorkOrder"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a WorkOrder Material
         * @description [Detail validations](docs/platform-validation.md)
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        materialKey?: string;
                        /** Format: string */
                        storeroomKey?: string;
                        /** Format: numeric|required */
                        requiredQuantity?: Record<string, never>;
                        /** Format: numeric|required */
                        usedQuantity?: Record<string, never>;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["WorkOrder"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/work-orders/{key}/materials/{materialKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update a WorkOrder
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                    /** @description string|required */
                    materialKey: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        materialKey?: string;
                        /** Format: string */
                        storeroomKey?: string;
                        /** Format: numeric|required */
                        requiredQuantity?: Record<string, never>;
                        /** Format: numeric|required */
                        usedQuantity?: Record<string, never>;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["WorkOrder"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/work-orders/{key}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update a WorkOrder Status
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        statusKey?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["WorkOrder"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List WorkOrder
         * @description A work order is a document for organizing the execution of work or service, describing the task, location, resources, and deadlines
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["WorkOrder"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a WorkOrder
         * @description [Detail validations](docs/platform-validation.md)
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        title?: string | null;
                        /** Format: string */
                        statusKey?: string | null;
                        /** Format: string */
                        scheduledAt?: string | null;
                        /** Format: string */
                        siteKey?: string | null;
                        /** Format: string */
                        locationKey?: string | null;
                        /** Format: string */
                        storeroomKey?: string | null;
                        /** Format: string */
                        assetKey?: string | null;
                        /** Format: string */
                        assetDowntimeKey?: string | null;
                        /** Format: string */
                        serviceRequestKey?: string | null;
                        /** Format: string */
                        pmKey?: string | null;
                        /** Format: string */
                        teamKey?: string | null;
                        /** Format: string */
                        laborAssignedKey?: string | null;
                        /** Format: string */
                        accountKey?: string | null;
                        /** Format: string */
                        userApprovedKey?: string | null;
                        /** Format: string */
                        code?: string | null;
                        /** Format: string */
                        instructions?: string | null;
                        /** Format: string */
                        severity?: string | null;
                        /** Format: integer */
                        estimatedTime?: number | null;
                        /** Format: integer */
                        actualTime?: number | null;
                        /** Format: string */
                        roleName?: string | null;
                        /** Format: string */
                        categoryName?: string | null;
                        documents?: {
                            /** Format: string */
                            name?: string | null;
                            /** Format: string */
                            url?: string | null;
                            /** Format: string */
                            type?: string | null;
                            /** Format: string */
                            contentType?: string | null;
                            /** Format: string */
                            description?: string | null;
                            /** Format: string */
                            notes?: string | null;
                        } | null;
                        tasks?: {
                            /** Format: string */
                            code?: string | null;
                            /** Format: string */
                            title?: string | null;
                            /** Format: string */
                            description?: string | null;
                            /** Format: nullable */
                            priority?: Record<string, never> | null;
                            /** Format: nullable */
                            checkList?: Record<string, never> | null;
                        } | null;
                        /** Format: string */
                        notes?: string | null;
                        /** Format: string */
                        approvedAt?: string | null;
                        /** Format: string */
                        dueAt?: string | null;
                        /** Format: string */
                        completedAt?: string | null;
                        /** Format: string */
                        completionRemarks?: string | null;
                        /** Format: string */
                        createdAt?: string | null;
                        /** Format: string */
                        updatedAt?: string | null;
                        /** Format: string */
                        deletedAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["WorkOrder"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/work-orders/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a WorkOrder
         * @description A work order is a document for organizing the execution of work or service, describing the task, location, resources, and deadlines
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["WorkOrder"];
                        };
                    };
                };
            };
        };
        /**
         * Update a WorkOrder
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        title?: string | null;
                        /** Format: string */
                        statusKey?: string | null;
                        /** Format: string */
                        scheduledAt?: string | null;
                        /** Format: string */
                        siteKey?: string | null;
                        /** Format: string */
                        locationKey?: string | null;
                        /** Format: string */
                        storeroomKey?: string | null;
                        /** Format: string */
                        assetKey?: string | null;
                        /** Format: string */
                        assetDowntimeKey?: string | null;
                        /** Format: string */
                        serviceRequestKey?: string | null;
                        /** Format: string */
                        pmKey?: string | null;
                        /** Format: string */
                        teamKey?: string | null;
                        /** Format: string */
                        laborAssignedKey?: string | null;
                        /** Format: string */
                        accountKey?: string | null;
                        /** Format: string */
                        userApprovedKey?: string | null;
                        /** Format: string */
                        code?: string | null;
                        /** Format: string */
                        instructions?: string | null;
                        /** Format: string */
                        severity?: string | null;
                        /** Format: integer */
                        estimatedTime?: number | null;
                        /** Format: integer */
                        actualTime?: number | null;
                        /** Format: string */
                        roleName?: string | null;
                        /** Format: string */
                        categoryName?: string | null;
                        documents?: {
                            /** Format: string */
                            name?: string | null;
                            /** Format: string */
                            url?: string | null;
                            /** Format: string */
                            type?: string | null;
                            /** Format: string */
                            contentType?: string | null;
                            /** Format: string */
                            description?: string | null;
                            /** Format: string */
                            notes?: string | null;
                        } | null;
                        tasks?: {
                            /** Format: string */
                            code?: string | null;
                            /** Format: string */
                            title?: string | null;
                            /** Format: string */
                            description?: string | null;
                            /** Format: nullable */
                            priority?: Record<string, never> | null;
                            /** Format: nullable */
                            checkList?: Record<string, never> | null;
                        } | null;
                        /** Format: string */
                        notes?: string | null;
                        /** Format: string */
                        approvedAt?: string | null;
                        /** Format: string */
                        dueAt?: string | null;
                        /** Format: string */
                        completedAt?: string | null;
                        /** Format: string */
                        completionRemarks?: string | null;
                        /** Format: string */
                        createdAt?: string | null;
                        /** Format: string */
                        updatedAt?: string | null;
                        /** Format: string */
                        deletedAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["WorkOrder"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/service-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List ServiceRequest
         * @description Internal or external request for services or support, aimed at maintaining operational activities made by employees or customer and partners
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["ServiceRequest"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a ServiceRequest
         * @description [Detail validations](docs/platform-validation.md)
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        userRequestedKey?: string | null;
                        /** Format: string */
                        title?: string | null;
                        /** Format: string */
                        assetKey?: string | null;
                        /** Format: string */
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["ServiceRequest"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/service-requests/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a ServiceRequest
         * @description Internal or external request for services or support, aimed at maintaining operational activities made by employees or customer and partners
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["ServiceRequest"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Document
         * @description Refers to any file containing details on maintenance, operation, and asset management, including manuals, records, and reports.
         *      <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Document"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a Document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file?: string;
                        /** Format: string */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Document"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/documents/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Document
         * @description Refers to any file containing details on maintenance, operation, and asset management, including manuals, records, and reports.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Document"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/inventories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Inventory
         * @description <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Inventory"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/inventories/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an Inventory */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Inventory"];
                        };
                    };
                };
            };
        };
        /**
         * Update an Inventory
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        code?: string | null;
                        /** Format: string */
                        name?: string | null;
                        /** Format: integer */
                        quantity?: number | null;
                        /** Format: integer */
                        unitCost?: number | null;
                        /** Format: string */
                        locationKey?: string | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Inventory"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/statuses/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Status WorkOrders
         * @description Indicates the current condition or state of a process, object, or situation, highlighting its progress, position, or quality at any specific moment.
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Status"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/statuses/purchase-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Status PurchaseOrders
         * @description Indicates the current condition or state of a process, object, or situation, highlighting its progress, position, or quality at any specific moment.
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Status"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/statuses/service-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Status ServiceRequests
         * @description Indicates the current condition or state of a process, object, or situation, highlighting its progress, position, or quality at any specific moment.
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Status"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/statuses/return-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Status ReturnOrders
         * @description Indicates the current condition or state of a process, object, or situation, highlighting its progress, position, or quality at any specific moment.
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["Status"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/return-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List ReturnOrder
         * @description <details>
         *        <summary>Filtering</summary>
         *
         *          * filter[name]=HelloFromMakiniAPI
         *          * filter[name:contains]=Makini
         *          * filter[name:startsWith]=Hello
         *          * filter[name:startsWith]=API
         *          * filter[createdAt:gt]=2023-11-07
         *          * filter[createdAt:gteq]=2023-11-07
         *          * filter[createdAt:lt]=2023-11-07
         *          * filter[createdAt:lted]=2023-11-07
         *
         *      </details>
         *      <details>
         *        <summary>Filter matching</summary>
         *
         *          * filterMatch=any // OR
         *          * filterMatch=all // AND
         *
         *      </details>
         *      <details>
         *        <summary>Sorting</summary>
         *
         *          * sort[createdAt]=1 // DESC
         *          * sort[createdAt]=0 // ASC
         *
         *      </details>
         */
        get: {
            parameters: {
                query?: {
                    /** @description array */
                    filter?: unknown[];
                    /** @description integer */
                    page?: number;
                    /** @description array */
                    sort?: unknown[];
                    /** @description integer */
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["ReturnOrder"][];
                            links?: {
                                first?: string;
                                last?: string;
                                /** Format: nullable */
                                prev?: string;
                                /** Format: nullable */
                                next?: string;
                            };
                            meta?: {
                                current_page?: number;
                                from?: number;
                                last_page?: number;
                                path?: string;
                                per_page?: number;
                                to?: number;
                                total?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a ReturnOrder
         * @description [Detail validations](docs/platform-validation.md)
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        organizationKey?: string | null;
                        /** Format: string */
                        locationKey?: string | null;
                        /** Format: string */
                        vendorKey?: string | null;
                        /** Format: string */
                        description?: string | null;
                        /** Format: nullable */
                        lineItems?: Record<string, never> | null;
                    };
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["ReturnOrder"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/eam/return-orders/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a ReturnOrder */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["ReturnOrder"];
                        };
                    };
                };
            };
        };
        /**
         * Update a ReturnOrder
         * @description [Detail validations](docs/platform-validation.md)
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    key: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Successful operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: components["schemas"]["ReturnOrder"];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Address
         * @example {
         *       "country": "string",
         *       "addressLines": "string",
         *       "addressee": "string",
         *       "state": "string",
         *       "city": "string",
         *       "postCode": "string",
         *       "phone": "string",
         *       "email": "string",
         *       "notes": "string",
         *       "isActive": "false",
         *       "createdAt": "1981-03-27T16:47:44Z",
         *       "updatedAt": "1975-04-01T13:09:18Z"
         *     }
         */
        Address: {
            /**
             * Format: string
             * @description Description
             */
            country?: string;
            /**
             * Format: string
             * @description Description
             */
            addressLines?: string;
            /**
             * Format: string
             * @description Description
             */
            addressee?: string;
            /**
             * Format: string
             * @description Description
             */
            state?: string;
            /**
             * Format: string
             * @description Description
             */
            city?: string;
            /**
             * Format: string
             * @description Description
             */
            postCode?: string;
            /**
             * Format: string
             * @description Description
             */
            phone?: string;
            /**
             * Format: string
             * @description Description
             */
            email?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isActive?: boolean;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
        };
        /**
         * Contact
         * @example {
         *       "name": "string",
         *       "position": "string",
         *       "phones": "string",
         *       "emails": "string",
         *       "isActive": "false",
         *       "isDefault": "false"
         *     }
         */
        Contact: {
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            position?: string;
            /**
             * Format: string
             * @description Description
             */
            phones?: string;
            /**
             * Format: string
             * @description Description
             */
            emails?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isActive?: boolean;
            /**
             * Format: boolean
             * @description Description
             */
            isDefault?: boolean;
        };
        /**
         * Organization
         * @example {
         *       "key": "03000097993349",
         *       "currencyKey": "02000318707390",
         *       "name": "string",
         *       "code": "67243594",
         *       "description": "Provident cumque aperiam et qui tenetur maxime.",
         *       "addresses": [
         *         {
         *           "country": "string",
         *           "addressLines": "string",
         *           "addressee": "string",
         *           "state": "string",
         *           "city": "string",
         *           "postCode": "string",
         *           "phone": "string",
         *           "email": "string",
         *           "notes": "string",
         *           "isActive": "false",
         *           "createdAt": "2016-06-21T06:01:39Z",
         *           "updatedAt": "1977-09-09T00:33:37Z"
         *         }
         *       ],
         *       "billingAddress": {
         *         "country": "string",
         *         "addressLines": "string",
         *         "addressee": "string",
         *         "state": "string",
         *         "city": "string",
         *         "postCode": "string",
         *         "phone": "string",
         *         "email": "string",
         *         "notes": "string",
         *         "isActive": "true",
         *         "createdAt": "1987-02-28T08:07:07Z",
         *         "updatedAt": "2018-07-16T14:39:12Z"
         *       },
         *       "contacts": [
         *         {
         *           "name": "string",
         *           "position": "string",
         *           "phones": "string",
         *           "emails": "string",
         *           "isActive": "false",
         *           "isDefault": "false"
         *         }
         *       ],
         *       "createdAt": "1970-10-06T10:49:38Z",
         *       "updatedAt": "1992-05-24T06:38:42Z",
         *       "deletedAt": "1983-09-05T18:44:10Z"
         *     }
         */
        Organization: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            currencyKey?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            addresses?: components["schemas"]["Address"][];
            billingAddress?: components["schemas"]["Address"];
            contacts?: components["schemas"]["Contact"][];
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * Site
         * @example {
         *       "key": "09000510344864",
         *       "organizationKey": "02000772910913",
         *       "name": "string",
         *       "code": "15931863",
         *       "description": "Quia quod quo quibusdam eos.",
         *       "contact": {
         *         "name": "string",
         *         "position": "string",
         *         "phones": "string",
         *         "emails": "string",
         *         "isActive": "true",
         *         "isDefault": "false"
         *       },
         *       "customerKey": "02000941153816",
         *       "lat": "string",
         *       "lng": "string",
         *       "address": {
         *         "country": "string",
         *         "addressLines": "string",
         *         "addressee": "string",
         *         "state": "string",
         *         "city": "string",
         *         "postCode": "string",
         *         "phone": "string",
         *         "email": "string",
         *         "notes": "string",
         *         "isActive": "false",
         *         "createdAt": "2022-12-20T01:47:15Z",
         *         "updatedAt": "1980-04-28T10:28:33Z"
         *       },
         *       "billingAddress": {
         *         "country": "string",
         *         "addressLines": "string",
         *         "addressee": "string",
         *         "state": "string",
         *         "city": "string",
         *         "postCode": "string",
         *         "phone": "string",
         *         "email": "string",
         *         "notes": "string",
         *         "isActive": "false",
         *         "createdAt": "1997-12-10T09:05:51Z",
         *         "updatedAt": "2006-12-06T16:26:02Z"
         *       },
         *       "properties": "string",
         *       "notes": "string",
         *       "createdAt": "2005-04-13T06:26:13Z",
         *       "updatedAt": "1982-12-17T09:24:34Z",
         *       "deletedAt": "2019-05-25T07:02:02Z"
         *     }
         */
        Site: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            contact?: components["schemas"]["Contact"];
            /**
             * Format: string
             * @description Description
             */
            customerKey?: string;
            /**
             * Format: string
             * @description Description
             */
            lat?: string;
            /**
             * Format: string
             * @description Description
             */
            lng?: string;
            address?: components["schemas"]["Address"];
            billingAddress?: components["schemas"]["Address"];
            /**
             * Format: string
             * @description Description
             */
            properties?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * Location
         * @example {
         *       "key": "01000680574720",
         *       "siteKey": "04000746783588",
         *       "parentKey": "03000149783349",
         *       "teamKey": "02000583463025",
         *       "organizationKey": "03000021409729",
         *       "name": "string",
         *       "userManagerKey": "08000178115698",
         *       "description": "Quibusdam sed impedit id iusto qui.",
         *       "code": "94892932",
         *       "type": "string",
         *       "address": {
         *         "country": "string",
         *         "addressLines": "string",
         *         "addressee": "string",
         *         "state": "string",
         *         "city": "string",
         *         "postCode": "string",
         *         "phone": "string",
         *         "email": "string",
         *         "notes": "string",
         *         "isActive": "false",
         *         "createdAt": "2021-06-07T22:32:08Z",
         *         "updatedAt": "2004-07-17T02:36:04Z"
         *       },
         *       "isActive": "false",
         *       "contact": "string",
         *       "isDefault": "false",
         *       "createdAt": "1988-01-27T04:07:22Z",
         *       "updatedAt": "1972-11-16T15:58:49Z",
         *       "deletedAt": "2014-02-13T00:58:07Z"
         *     }
         */
        Location: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            siteKey?: string;
            /**
             * Format: string
             * @description Description
             */
            parentKey?: string;
            /**
             * Format: string
             * @description Description
             */
            teamKey?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            userManagerKey?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            type?: string;
            address?: components["schemas"]["Address"];
            /**
             * Format: boolean
             * @description Description
             */
            isActive?: boolean;
            /**
             * Format: string
             * @description Description
             */
            contact?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isDefault?: boolean;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * Storeroom
         * @example {
         *       "key": "06000814438535",
         *       "parentKey": "09000385859776",
         *       "siteKey": "04000241803735",
         *       "locationKey": "06000854786162",
         *       "userManagerKey": "09000287903590",
         *       "code": "11631804",
         *       "name": "string",
         *       "type": "string",
         *       "description": "Delectus corporis nulla dolor aut.",
         *       "priority": "string",
         *       "createdAt": "2007-07-14T04:34:09Z",
         *       "updatedAt": "2002-05-29T06:50:25Z",
         *       "deletedAt": "2013-10-17T11:13:30Z"
         *     }
         */
        Storeroom: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            parentKey?: string;
            /**
             * Format: string
             * @description Description
             */
            siteKey?: string;
            /**
             * Format: string
             * @description Description
             */
            locationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            userManagerKey?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            type?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            priority?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * Account
         * @example {
         *       "key": "03000608083016",
         *       "code": "19016986",
         *       "name": "string",
         *       "description": "Sint sed temporibus sit suscipit nulla eos et.",
         *       "activatedAt": "2015-08-24T10:21:59Z",
         *       "expiresAt": "1985-06-06T21:10:49Z",
         *       "createdAt": "1980-10-29T21:11:23Z",
         *       "updatedAt": "1996-12-27T17:20:34Z",
         *       "deletedAt": "2021-02-01T21:49:09Z"
         *     }
         */
        Account: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            activatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            expiresAt?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * Team
         * @example {
         *       "key": "08000876348578",
         *       "accountKey": "06000928451616",
         *       "code": "40672540",
         *       "name": "string",
         *       "description": "Quia voluptatem earum deserunt.",
         *       "createdAt": "2001-04-28T02:29:15Z",
         *       "updatedAt": "1974-12-03T05:39:03Z",
         *       "deletedAt": "1973-11-06T01:14:16Z",
         *       "organizationKey": "06000043859016"
         *     }
         */
        Team: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            accountKey?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
        };
        /**
         * Labor
         * @example {
         *       "key": "07000563737758",
         *       "organizationKeys": "string",
         *       "siteKeys": "[]",
         *       "locationKeys": "[]",
         *       "accountKey": "05000216574653",
         *       "vendorKey": "09000199238847",
         *       "userKey": "01000892501396",
         *       "code": "24214391",
         *       "teamKey": "08000285542024",
         *       "name": "string",
         *       "firstName": "string",
         *       "middleName": "string",
         *       "lastName": "string",
         *       "roleName": "string",
         *       "description": "Ut ea facilis earum nobis fugit ipsa odit.",
         *       "notes": "string",
         *       "isActive": "false",
         *       "costUomKey": "07000089875548",
         *       "currencyKey": "05000343393110",
         *       "createdAt": "2011-07-19T19:59:13Z",
         *       "updatedAt": "1982-12-17T11:40:43Z",
         *       "deletedAt": "1997-01-07T08:51:35Z"
         *     }
         */
        Labor: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKeys?: string;
            /**
             * Format: array
             * @description Description
             */
            siteKeys?: unknown[];
            /**
             * Format: array
             * @description Description
             */
            locationKeys?: unknown[];
            /**
             * Format: string
             * @description Description
             */
            accountKey?: string;
            /**
             * Format: string
             * @description Description
             */
            vendorKey?: string;
            /**
             * Format: string
             * @description Description
             */
            userKey?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            teamKey?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            firstName?: string;
            /**
             * Format: string
             * @description Description
             */
            middleName?: string;
            /**
             * Format: string
             * @description Description
             */
            lastName?: string;
            /**
             * Format: string
             * @description Description
             */
            roleName?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isActive?: boolean;
            /**
             * Format: string
             * @description Description
             */
            costUomKey?: string;
            /**
             * Format: string
             * @description Description
             */
            currencyKey?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * User
         * @example {
         *       "key": "03000389693523",
         *       "organizationKey": "06000495312344",
         *       "siteKeys": "[]",
         *       "locationKeys": "[]",
         *       "name": "string",
         *       "roleName": "string",
         *       "description": "Ut officiis earum qui amet.",
         *       "notes": "string",
         *       "isActive": "string",
         *       "createdAt": "2024-04-21T07:03:03Z",
         *       "updatedAt": "1986-02-15T20:19:32Z",
         *       "deletedAt": "1984-09-02T05:14:30Z"
         *     }
         */
        User: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: array
             * @description Description
             */
            siteKeys?: unknown[];
            /**
             * Format: array
             * @description Description
             */
            locationKeys?: unknown[];
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            roleName?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            isActive?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * UnitOfMeasure
         * @example {
         *       "key": "06000008593084",
         *       "name": "string",
         *       "code": "97762188",
         *       "rateBaseKey": "04000808895309",
         *       "rate": "string",
         *       "isActive": "false"
         *     }
         */
        UnitOfMeasure: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            rateBaseKey?: string;
            /**
             * Format: string
             * @description Description
             */
            rate?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isActive?: boolean;
        };
        /**
         * Company
         * @example {
         *       "key": "02000789267930",
         *       "parentKey": "07000818697170",
         *       "organizationKey": "02000367926896",
         *       "name": "string",
         *       "code": "81391295",
         *       "addresses": [
         *         {
         *           "country": "string",
         *           "addressLines": "string",
         *           "addressee": "string",
         *           "state": "string",
         *           "city": "string",
         *           "postCode": "string",
         *           "phone": "string",
         *           "email": "string",
         *           "notes": "string",
         *           "isActive": "false",
         *           "createdAt": "1983-06-04T17:02:08Z",
         *           "updatedAt": "2017-06-11T15:21:27Z"
         *         }
         *       ],
         *       "billingAddress": {
         *         "country": "string",
         *         "addressLines": "string",
         *         "addressee": "string",
         *         "state": "string",
         *         "city": "string",
         *         "postCode": "string",
         *         "phone": "string",
         *         "email": "string",
         *         "notes": "string",
         *         "isActive": "false",
         *         "createdAt": "1970-09-18T11:56:39Z",
         *         "updatedAt": "1992-10-21T15:50:36Z"
         *       },
         *       "currencyKey": "04000595424814",
         *       "notes": "string",
         *       "createdAt": "1978-05-15T11:18:57Z",
         *       "updatedAt": "1998-02-24T17:29:56Z",
         *       "deletedAt": "1992-03-16T20:17:49Z"
         *     }
         */
        Company: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            parentKey?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            addresses?: components["schemas"]["Address"][];
            billingAddress?: components["schemas"]["Address"];
            /**
             * Format: string
             * @description Description
             */
            currencyKey?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * Vendor
         * @example {
         *       "key": "02000716699833",
         *       "name": "string",
         *       "code": "26027890",
         *       "companyKey": "05000304625439",
         *       "organizationKey": "04000718456805",
         *       "createdAt": "1975-03-15T02:53:18Z",
         *       "updatedAt": "2018-11-14T13:03:08Z",
         *       "deletedAt": "2024-09-04T17:20:04Z"
         *     }
         */
        Vendor: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            companyKey?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * Customer
         * @example {
         *       "key": "01000224480817",
         *       "name": "string",
         *       "code": "34392713",
         *       "organizationKey": "03000515987221",
         *       "addresses": "string",
         *       "billingAddress": "string",
         *       "companyKey": "07000940004831",
         *       "createdAt": "2024-02-24T04:25:51Z",
         *       "updatedAt": "2006-05-12T06:20:42Z",
         *       "deletedAt": "2017-01-05T02:33:40Z"
         *     }
         */
        Customer: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            addresses?: string;
            /**
             * Format: string
             * @description Description
             */
            billingAddress?: string;
            /**
             * Format: string
             * @description Description
             */
            companyKey?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        CustomerCollection: components["schemas"]["Customer"][];
        /**
         * Stock
         * @example {
         *       "key": "08000731235305",
         *       "productKey": "04000286300394",
         *       "materialKey": "03000257526186",
         *       "locationKey": "04000080356573",
         *       "storeroomKey": "06000601999405",
         *       "assetKey": "00000484822171",
         *       "position": "string",
         *       "uomKey": "00000295176985",
         *       "quantity": "string",
         *       "reorderPoint": "string",
         *       "expiresAt": "2020-09-06T18:01:18Z",
         *       "reorderQuantity": "string",
         *       "minLevel": "string",
         *       "maxLevel": "string",
         *       "reorderLevel": "string",
         *       "createdAt": "1981-12-08T13:53:40Z",
         *       "updatedAt": "2020-02-25T00:04:59Z",
         *       "deletedAt": "1975-04-15T21:15:09Z"
         *     }
         */
        Stock: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            productKey?: string;
            /**
             * Format: string
             * @description Description
             */
            materialKey?: string;
            /**
             * Format: string
             * @description Description
             */
            locationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            storeroomKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetKey?: string;
            /**
             * Format: string
             * @description Description
             */
            position?: string;
            /**
             * Format: string
             * @description Description
             */
            uomKey?: string;
            /**
             * Format: object
             * @description Description
             */
            quantity?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            reorderPoint?: string;
            /**
             * Format: string
             * @description Description
             */
            expiresAt?: string;
            /**
             * Format: object
             * @description Description
             */
            reorderQuantity?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            minLevel?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            maxLevel?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            reorderLevel?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        StockCollection: components["schemas"]["Stock"][];
        /**
         * POLineItem
         * @example {
         *       "key": "03000793861760",
         *       "locationKey": "06000566252696",
         *       "accountKey": "07000260717267",
         *       "vendorKey": "09000601930344",
         *       "assetKey": "07000386257476",
         *       "materialKey": "00000174923140",
         *       "productKey": "04000308716391",
         *       "statusKey": "04000145523891",
         *       "storeroomKey": "01000189427452",
         *       "lineNo": "string",
         *       "code": "90510687",
         *       "type": "string",
         *       "name": "string",
         *       "description": "Quaerat dolor aut explicabo ut id eum.",
         *       "lineRef": "string",
         *       "quantity": "string",
         *       "receivedQuantity": "string",
         *       "uomKey": "06000661030980",
         *       "currencyKey": "07000099358810",
         *       "price": "string",
         *       "discount": "string",
         *       "lineTaxValue": "string",
         *       "lineTotalValue": "string",
         *       "notes": "string",
         *       "deliveryAt": "2000-05-30T22:47:45Z",
         *       "dueAt": "1985-05-11T02:52:06Z",
         *       "createdAt": "2013-09-10T02:37:34Z",
         *       "updatedAt": "1998-06-16T10:47:51Z",
         *       "deletedAt": "2023-03-11T08:07:37Z"
         *     }
         */
        POLineItem: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            locationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            accountKey?: string;
            /**
             * Format: string
             * @description Description
             */
            vendorKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetKey?: string;
            /**
             * Format: string
             * @description Description
             */
            materialKey?: string;
            /**
             * Format: string
             * @description Description
             */
            productKey?: string;
            /**
             * Format: string
             * @description Description
             */
            statusKey?: string;
            /**
             * Format: string
             * @description Description
             */
            storeroomKey?: string;
            /**
             * Format: string
             * @description Description
             */
            lineNo?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            type?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            lineRef?: string;
            /**
             * Format: object
             * @description Description
             */
            quantity?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            receivedQuantity?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            uomKey?: string;
            /**
             * Format: string
             * @description Description
             */
            currencyKey?: string;
            /**
             * Format: object
             * @description Description
             */
            price?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            discount?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            lineTaxValue?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            lineTotalValue?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            deliveryAt?: string;
            /**
             * Format: string
             * @description Description
             */
            dueAt?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * PurchaseOrder
         * @example {
         *       "key": "09000678239158",
         *       "siteKey": "05000532919699",
         *       "organizationKey": "06000522089738",
         *       "orderDate": "1984-06-28T16:18:05Z",
         *       "vendorKey": "00000325374018",
         *       "userRequestedKey": "09000895899251",
         *       "userApprovedKey": "00000934239209",
         *       "orderNo": "string",
         *       "statusKey": "08000352730358",
         *       "title": "Saepe et aspernatur eos eum.",
         *       "description": "At et et non quos dignissimos inventore.",
         *       "dueAt": "2020-01-01T12:22:14Z",
         *       "approvedAt": "2010-03-23T04:57:39Z",
         *       "completedAt": "2024-05-22T11:33:29Z",
         *       "shippingMethod": "string",
         *       "shipmentDate": "1992-05-27T07:30:57Z",
         *       "shipmentAddress": {
         *         "country": "string",
         *         "addressLines": "string",
         *         "addressee": "string",
         *         "state": "string",
         *         "city": "string",
         *         "postCode": "string",
         *         "phone": "string",
         *         "email": "string",
         *         "notes": "string",
         *         "isActive": "false",
         *         "createdAt": "2008-04-14T03:40:44Z",
         *         "updatedAt": "2006-09-30T21:28:20Z"
         *       },
         *       "billingAddress": {
         *         "country": "string",
         *         "addressLines": "string",
         *         "addressee": "string",
         *         "state": "string",
         *         "city": "string",
         *         "postCode": "string",
         *         "phone": "string",
         *         "email": "string",
         *         "notes": "string",
         *         "isActive": "false",
         *         "createdAt": "1990-03-14T00:51:41Z",
         *         "updatedAt": "2016-08-30T01:45:12Z"
         *       },
         *       "terms": "string",
         *       "notes": "string",
         *       "deliveryAddress": {
         *         "country": "string",
         *         "addressLines": "string",
         *         "addressee": "string",
         *         "state": "string",
         *         "city": "string",
         *         "postCode": "string",
         *         "phone": "string",
         *         "email": "string",
         *         "notes": "string",
         *         "isActive": "false",
         *         "createdAt": "2015-01-19T02:11:01Z",
         *         "updatedAt": "1978-12-05T18:54:47Z"
         *       },
         *       "currencyKey": "07000561098666",
         *       "locationKey": "06000396525173",
         *       "totalNetValue": "string",
         *       "totalGrossValue": "string",
         *       "updatedAt": "1972-12-23T14:14:15Z",
         *       "lineItems": [
         *         {
         *           "key": "01000788235860",
         *           "locationKey": "07000198288927",
         *           "accountKey": "05000499295944",
         *           "vendorKey": "07000237271330",
         *           "assetKey": "02000548758507",
         *           "materialKey": "06000926022022",
         *           "productKey": "01000687563182",
         *           "statusKey": "03000491530165",
         *           "storeroomKey": "00000358864873",
         *           "lineNo": "string",
         *           "code": "21648441",
         *           "type": "string",
         *           "name": "string",
         *           "description": "Et iusto molestiae error omnis voluptate et.",
         *           "lineRef": "string",
         *           "quantity": "string",
         *           "receivedQuantity": "string",
         *           "uomKey": "09000126422145",
         *           "currencyKey": "04000518681945",
         *           "price": "string",
         *           "discount": "string",
         *           "lineTaxValue": "string",
         *           "lineTotalValue": "string",
         *           "notes": "string",
         *           "deliveryAt": "1999-04-13T02:52:05Z",
         *           "dueAt": "2012-03-05T05:33:19Z",
         *           "createdAt": "2016-04-23T18:34:13Z",
         *           "updatedAt": "1980-09-06T16:15:12Z",
         *           "deletedAt": "1980-07-29T10:08:59Z"
         *         }
         *       ]
         *     }
         */
        PurchaseOrder: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            siteKey?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: object
             * @description Description
             */
            orderDate?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            vendorKey?: string;
            /**
             * Format: string
             * @description Description
             */
            userRequestedKey?: string;
            /**
             * Format: string
             * @description Description
             */
            userApprovedKey?: string;
            /**
             * Format: string
             * @description Description
             */
            orderNo?: string;
            /**
             * Format: string
             * @description Description
             */
            statusKey?: string;
            /**
             * Format: string
             * @description Description
             */
            title?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            dueAt?: string;
            /**
             * Format: string
             * @description Description
             */
            approvedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            completedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            shippingMethod?: string;
            /**
             * Format: string
             * @description Description
             */
            shipmentDate?: string;
            shipmentAddress?: components["schemas"]["Address"];
            billingAddress?: components["schemas"]["Address"];
            /**
             * Format: string
             * @description Description
             */
            terms?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            deliveryAddress?: components["schemas"]["Address"];
            /**
             * Format: string
             * @description Description
             */
            currencyKey?: string;
            /**
             * Format: string
             * @description Description
             */
            locationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            totalNetValue?: string;
            /**
             * Format: string
             * @description Description
             */
            totalGrossValue?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            lineItems?: components["schemas"]["POLineItem"][];
        };
        PurchaseOrderCollection: components["schemas"]["PurchaseOrder"][];
        /**
         * LineItem
         * @example {
         *       "key": "03000285091259",
         *       "locationKey": "07000239693777",
         *       "assetKey": "08000240248076",
         *       "statusKey": "00000975174080",
         *       "materialKey": "08000227676466",
         *       "storeroomKey": "05000244968913",
         *       "vendorKey": "08000112722262",
         *       "productKey": "02000369291548",
         *       "price": "string",
         *       "discount": "string",
         *       "deliveryAt": "2023-09-25T13:01:42Z",
         *       "lineNo": "string",
         *       "code": "58752746",
         *       "name": "string",
         *       "description": "Non suscipit ex voluptatem sint vitae et dolores.",
         *       "lineRef": "string",
         *       "quantity": "string",
         *       "receivedQuantity": "string",
         *       "type": "string",
         *       "uomKey": "02000941426894",
         *       "cost": "string",
         *       "currencyKey": "08000084043962",
         *       "lineTotalValue": "string",
         *       "lineTaxValue": "string",
         *       "notes": "string",
         *       "dueAt": "1985-06-04T07:48:46Z",
         *       "createdAt": "1980-10-04T05:50:36Z",
         *       "updatedAt": "1987-07-31T13:51:55Z"
         *     }
         */
        LineItem: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            locationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetKey?: string;
            /**
             * Format: string
             * @description Description
             */
            statusKey?: string;
            /**
             * Format: string
             * @description Description
             */
            materialKey?: string;
            /**
             * Format: string
             * @description Description
             */
            storeroomKey?: string;
            /**
             * Format: string
             * @description Description
             */
            vendorKey?: string;
            /**
             * Format: string
             * @description Description
             */
            productKey?: string;
            /**
             * Format: string
             * @description Description
             */
            price?: string;
            /**
             * Format: string
             * @description Description
             */
            discount?: string;
            /**
             * Format: string
             * @description Description
             */
            deliveryAt?: string;
            /**
             * Format: string
             * @description Description
             */
            lineNo?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            lineRef?: string;
            /**
             * Format: string
             * @description Description
             */
            quantity?: string;
            /**
             * Format: string
             * @description Description
             */
            receivedQuantity?: string;
            /**
             * Format: string
             * @description Description
             */
            type?: string;
            /**
             * Format: object
             * @description Description
             */
            uomKey?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            cost?: string;
            /**
             * Format: string
             * @description Description
             */
            currencyKey?: string;
            /**
             * Format: object
             * @description Description
             */
            lineTotalValue?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            lineTaxValue?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            dueAt?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
        };
        /**
         * SupplyOption
         * @example {
         *       "vendorKey": "03000630324359",
         *       "partNumber": "[]",
         *       "price": "[]",
         *       "uomKey": "03000374509431",
         *       "currencyKey": "08000852483653",
         *       "uomQuantity": "string",
         *       "makePartNumber": "string",
         *       "reorderPoint": "string",
         *       "createdAt": "1989-12-11T10:38:21Z",
         *       "updatedAt": "1977-11-11T10:15:48Z"
         *     }
         */
        SupplyOption: {
            /**
             * Format: string
             * @description Description
             */
            vendorKey?: string;
            /**
             * Format: array
             * @description Description
             */
            partNumber?: unknown[];
            /**
             * Format: array
             * @description Description
             */
            price?: unknown[];
            /**
             * Format: array
             * @description Description
             */
            uomKey?: unknown[];
            /**
             * Format: string
             * @description Description
             */
            currencyKey?: string;
            /**
             * Format: string
             * @description Description
             */
            uomQuantity?: string;
            /**
             * Format: string
             * @description Description
             */
            makePartNumber?: string;
            /**
             * Format: string
             * @description Description
             */
            reorderPoint?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
        };
        /**
         * PriceLevel
         * @example {
         *       "name": "string",
         *       "price": "string",
         *       "uomKey": "03000460696538",
         *       "uomQuantity": "string",
         *       "currencyKey": "06000460149720",
         *       "taxKey": "09000016730881",
         *       "minQuantity": "string",
         *       "maxQuantity": "string",
         *       "updatedAt": "1991-12-25T06:31:57Z",
         *       "deletedAt": "2004-02-29T07:15:01Z"
         *     }
         */
        PriceLevel: {
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            price?: string;
            /**
             * Format: string
             * @description Description
             */
            uomKey?: string;
            /**
             * Format: string
             * @description Description
             */
            uomQuantity?: string;
            /**
             * Format: string
             * @description Description
             */
            currencyKey?: string;
            /**
             * Format: string
             * @description Description
             */
            taxKey?: string;
            /**
             * Format: string
             * @description Description
             */
            minQuantity?: string;
            /**
             * Format: string
             * @description Description
             */
            maxQuantity?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * Inventory
         * @example {
         *       "key": "06000651889707",
         *       "code": "31357517",
         *       "name": "string",
         *       "quantity": 10,
         *       "unitCost": 10,
         *       "locationKey": "08000899299478",
         *       "updatedAt": "1989-05-08T08:20:29Z",
         *       "createdAt": "2008-01-10T00:46:26Z"
         *     }
         */
        Inventory: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: integer
             * @description Description
             */
            quantity?: number;
            /**
             * Format: integer
             * @description Description
             */
            unitCost?: number;
            /**
             * Format: string
             * @description Description
             */
            locationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
        };
        Dimension: {
            [key: string]: unknown;
        };
        /**
         * Material
         * @example {
         *       "key": "01000034180036",
         *       "organizationKey": "04000638006802",
         *       "parentKeys": "[]",
         *       "assetKeys": "[]",
         *       "code": "93649599",
         *       "isAssembly": "false",
         *       "partNumber": "string",
         *       "name": "string",
         *       "description": "Quaerat est eius deleniti.",
         *       "notes": "string",
         *       "criticality": "string",
         *       "isActive": "false",
         *       "manufacturerName": "string",
         *       "uomKey": "00000276815969",
         *       "supplyOptions": [
         *         {
         *           "vendorKey": "08000557304899",
         *           "partNumber": "[]",
         *           "price": "[]",
         *           "uomKey": "02000573597384",
         *           "currencyKey": "07000596540745",
         *           "uomQuantity": "string",
         *           "makePartNumber": "string",
         *           "reorderPoint": "string",
         *           "createdAt": "1975-09-29T15:45:06Z",
         *           "updatedAt": "1975-09-14T23:22:35Z"
         *         }
         *       ],
         *       "priceLevels": [
         *         {
         *           "name": "string",
         *           "price": "string",
         *           "uomKey": "07000748787571",
         *           "uomQuantity": "string",
         *           "currencyKey": "01000456995893",
         *           "taxKey": "09000654357452",
         *           "minQuantity": "string",
         *           "maxQuantity": "string",
         *           "updatedAt": "2013-04-02T10:47:33Z",
         *           "deletedAt": "2004-02-02T16:03:49Z"
         *         }
         *       ],
         *       "createdAt": "2012-03-27T02:21:04Z",
         *       "updatedAt": "2017-05-25T15:53:56Z",
         *       "deletedAt": "1994-08-22T12:21:25Z",
         *       "inventories": [
         *         {
         *           "key": "08000850991881",
         *           "code": "81042630",
         *           "name": "string",
         *           "quantity": 10,
         *           "unitCost": 10,
         *           "locationKey": "08000873539005",
         *           "updatedAt": "2016-05-18T10:46:55Z",
         *           "createdAt": "2010-07-12T21:08:09Z"
         *         }
         *       ],
         *       "dimensions": []
         *     }
         */
        Material: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: array
             * @description Description
             */
            parentKeys?: unknown[];
            /**
             * Format: array
             * @description Description
             */
            assetKeys?: unknown[];
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isAssembly?: boolean;
            /**
             * Format: string
             * @description Description
             */
            partNumber?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            criticality?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isActive?: boolean;
            /**
             * Format: string
             * @description Description
             */
            manufacturerName?: string;
            /**
             * Format: object
             * @description Description
             */
            uomKey?: Record<string, never>;
            supplyOptions?: components["schemas"]["SupplyOption"][];
            priceLevels?: components["schemas"]["PriceLevel"][];
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
            inventories?: components["schemas"]["Inventory"][];
            dimensions?: components["schemas"]["Dimension"];
        };
        /**
         * MaterialItem
         * @example {
         *       "key": "04000042527281",
         *       "materialKey": "00000997692890",
         *       "assemblyKey": "07000838632343",
         *       "assetKey": "03000106419504",
         *       "assetTemplateKey": "09000895473340",
         *       "workOrderKey": "05000555979391",
         *       "pmKey": "06000882032820",
         *       "productionOrderKey": "01000746888981",
         *       "partNumber": "string",
         *       "drawingNumber": "string",
         *       "positionNumber": "string",
         *       "documentKey": "09000563544436",
         *       "name": "string",
         *       "uomKey": "08000941404911",
         *       "quantity": "string",
         *       "requiredQuantity": "string",
         *       "createdAt": "2004-12-25T03:50:16Z",
         *       "updatedAt": "2003-08-05T20:33:17Z",
         *       "deletedAt": "1984-11-18T08:53:28Z"
         *     }
         */
        MaterialItem: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            materialKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assemblyKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetTemplateKey?: string;
            /**
             * Format: string
             * @description Description
             */
            workOrderKey?: string;
            /**
             * Format: string
             * @description Description
             */
            pmKey?: string;
            /**
             * Format: string
             * @description Description
             */
            productionOrderKey?: string;
            /**
             * Format: string
             * @description Description
             */
            partNumber?: string;
            /**
             * Format: string
             * @description Description
             */
            drawingNumber?: string;
            /**
             * Format: string
             * @description Description
             */
            positionNumber?: string;
            /**
             * Format: string
             * @description Description
             */
            documentKey?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            uomKey?: string;
            /**
             * Format: object
             * @description Description
             */
            quantity?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            requiredQuantity?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * Document
         * @example {
         *       "key": "08000219465559",
         *       "entityKeys": "[]",
         *       "name": "string",
         *       "url": "string",
         *       "type": "string",
         *       "contentType": "string",
         *       "description": "Soluta aut laborum rerum praesentium.",
         *       "notes": "string",
         *       "createdAt": "1990-03-27T04:10:18Z",
         *       "updatedAt": "2007-02-07T00:20:21Z"
         *     }
         */
        Document: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: array
             * @description Description
             */
            entityKeys?: unknown[];
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            url?: string;
            /**
             * Format: string
             * @description Description
             */
            type?: string;
            /**
             * Format: string
             * @description Description
             */
            contentType?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
        };
        /**
         * Drawing
         * @example {
         *       "drawingNo": "string",
         *       "drawingPos": "string",
         *       "referenceNo": "string",
         *       "referencePos": "string",
         *       "documents": [
         *         {
         *           "key": "02000216212133",
         *           "entityKeys": "[]",
         *           "name": "string",
         *           "url": "string",
         *           "type": "string",
         *           "contentType": "string",
         *           "description": "Aperiam id a nihil exercitationem eligendi.",
         *           "notes": "string",
         *           "createdAt": "1971-04-30T09:37:16Z",
         *           "updatedAt": "2010-05-20T21:09:53Z"
         *         }
         *       ]
         *     }
         */
        Drawing: {
            /**
             * Format: string
             * @description Description
             */
            drawingNo?: string;
            /**
             * Format: string
             * @description Description
             */
            drawingPos?: string;
            /**
             * Format: string
             * @description Description
             */
            referenceNo?: string;
            /**
             * Format: string
             * @description Description
             */
            referencePos?: string;
            documents?: components["schemas"]["Document"][];
        };
        /**
         * Part
         * @example {
         *       "key": "09000727059608",
         *       "siteKeys": "[]",
         *       "parentKeys": "[]",
         *       "assetKeys": "[]",
         *       "vendorKeys": "string",
         *       "organizationKey": "00000906256451",
         *       "documents": [
         *         {
         *           "key": "00000400321089",
         *           "entityKeys": "[]",
         *           "name": "string",
         *           "url": "string",
         *           "type": "string",
         *           "contentType": "string",
         *           "description": "Cupiditate veritatis ut laboriosam sint.",
         *           "notes": "string",
         *           "createdAt": "1979-10-17T08:25:42Z",
         *           "updatedAt": "2003-06-12T03:40:39Z"
         *         }
         *       ],
         *       "accountKey": "08000452797937",
         *       "categoryName": "string",
         *       "code": "36693573",
         *       "isAssembly": "false",
         *       "partNumber": "string",
         *       "name": "string",
         *       "description": "Debitis nostrum consequuntur eum non culpa.",
         *       "notes": "string",
         *       "criticality": "string",
         *       "isActive": "true",
         *       "manufacturerName": "string",
         *       "minimumQuantity": "string",
         *       "uomKey": "07000019071024",
         *       "cost": "string",
         *       "currency": "string",
         *       "supplyOptions": [
         *         {
         *           "vendorKey": "02000563513374",
         *           "partNumber": "[]",
         *           "price": "[]",
         *           "uomKey": "05000645555227",
         *           "currencyKey": "08000117341284",
         *           "uomQuantity": "string",
         *           "makePartNumber": "string",
         *           "reorderPoint": "string",
         *           "createdAt": "1985-07-02T06:37:33Z",
         *           "updatedAt": "1972-01-11T16:38:31Z"
         *         }
         *       ],
         *       "priceLevels": [
         *         {
         *           "name": "string",
         *           "price": "string",
         *           "uomKey": "06000704106568",
         *           "uomQuantity": "string",
         *           "currencyKey": "00000866190911",
         *           "taxKey": "08000997082155",
         *           "minQuantity": "string",
         *           "maxQuantity": "string",
         *           "updatedAt": "1988-01-24T14:17:45Z",
         *           "deletedAt": "1993-08-22T00:58:07Z"
         *         }
         *       ],
         *       "createdAt": "2014-07-17T00:24:09Z",
         *       "updatedAt": "1974-07-09T17:31:38Z",
         *       "deletedAt": "1972-02-22T22:05:05Z",
         *       "inventory": {
         *         "key": "08000658615196",
         *         "code": "90293382",
         *         "name": "string",
         *         "quantity": 10,
         *         "unitCost": 10,
         *         "locationKey": "04000058310128",
         *         "updatedAt": "2001-04-05T18:29:45Z",
         *         "createdAt": "2005-12-02T16:22:37Z"
         *       },
         *       "drawings": [
         *         {
         *           "drawingNo": "string",
         *           "drawingPos": "string",
         *           "referenceNo": "string",
         *           "referencePos": "string",
         *           "documents": [
         *             {
         *               "key": "05000695155067",
         *               "entityKeys": "[]",
         *               "name": "string",
         *               "url": "string",
         *               "type": "string",
         *               "contentType": "string",
         *               "description": "Dolor eveniet placeat quia excepturi.",
         *               "notes": "string",
         *               "createdAt": "2002-04-12T09:25:26Z",
         *               "updatedAt": "1997-03-27T08:24:32Z"
         *             }
         *           ]
         *         }
         *       ],
         *       "dimensions": []
         *     }
         */
        Part: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: array
             * @description Description
             */
            siteKeys?: unknown[];
            /**
             * Format: array
             * @description Description
             */
            parentKeys?: unknown[];
            /**
             * Format: array
             * @description Description
             */
            assetKeys?: unknown[];
            /**
             * Format: string
             * @description Description
             */
            vendorKeys?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            documents?: components["schemas"]["Document"][];
            /**
             * Format: string
             * @description Description
             */
            accountKey?: string;
            /**
             * Format: string
             * @description Description
             */
            categoryName?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isAssembly?: boolean;
            /**
             * Format: string
             * @description Description
             */
            partNumber?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            criticality?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isActive?: boolean;
            /**
             * Format: string
             * @description Description
             */
            manufacturerName?: string;
            /**
             * Format: string
             * @description Description
             */
            minimumQuantity?: string;
            /**
             * Format: string
             * @description Description
             */
            uomKey?: string;
            /**
             * Format: object
             * @description Description
             */
            cost?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            currency?: string;
            supplyOptions?: components["schemas"]["SupplyOption"][];
            priceLevels?: components["schemas"]["PriceLevel"][];
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
            inventory?: components["schemas"]["Inventory"];
            drawings?: components["schemas"]["Drawing"][];
            dimensions?: components["schemas"]["Dimension"];
        };
        PartCollection: components["schemas"]["Part"][];
        /**
         * Asset
         * @example {
         *       "key": "09000968366130",
         *       "siteKey": "04000113017370",
         *       "parentKey": "01000616704993",
         *       "vendorKey": "05000983346807",
         *       "teamKey": "06000110624020",
         *       "documents": [
         *         {
         *           "key": "00000921857934",
         *           "entityKeys": "[]",
         *           "name": "string",
         *           "url": "string",
         *           "type": "string",
         *           "contentType": "string",
         *           "description": "Ut autem a fugit impedit voluptas ut.",
         *           "notes": "string",
         *           "createdAt": "2008-03-29T09:13:02Z",
         *           "updatedAt": "1986-08-01T03:31:07Z"
         *         }
         *       ],
         *       "locationKey": "03000619578373",
         *       "customerKey": "05000675085074",
         *       "accountKeys": "string",
         *       "name": "string",
         *       "description": "Voluptas nesciunt dolores sed molestiae eos.",
         *       "makeCompanyKey": "03000809870105",
         *       "assetTemplateKey": "07000780861367",
         *       "isPhysical": "true",
         *       "notes": "string",
         *       "categoryName": "string",
         *       "criticality": "string",
         *       "isActive": "false",
         *       "makeName": "string",
         *       "modelName": "string",
         *       "serialNumber": "string",
         *       "activatedAt": "2003-07-21T01:36:59Z",
         *       "deactivatedAt": "2006-12-18T21:11:24Z",
         *       "createdAt": "1981-03-30T09:42:28Z",
         *       "updatedAt": "2021-09-13T19:18:07Z",
         *       "deletedAt": "1999-12-03T18:39:47Z"
         *     }
         */
        Asset: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            siteKey?: string;
            /**
             * Format: string
             * @description Description
             */
            parentKey?: string;
            /**
             * Format: string
             * @description Description
             */
            vendorKey?: string;
            /**
             * Format: string
             * @description Description
             */
            teamKey?: string;
            documents?: components["schemas"]["Document"][];
            /**
             * Format: string
             * @description Description
             */
            locationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            customerKey?: string;
            /**
             * Format: string
             * @description Description
             */
            accountKeys?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            makeCompanyKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetTemplateKey?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isPhysical?: boolean;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            categoryName?: string;
            /**
             * Format: string
             * @description Description
             */
            criticality?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isActive?: boolean;
            /**
             * Format: string
             * @description Description
             */
            makeName?: string;
            /**
             * Format: string
             * @description Description
             */
            modelName?: string;
            /**
             * Format: string
             * @description Description
             */
            serialNumber?: string;
            /**
             * Format: string
             * @description Description
             */
            activatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deactivatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        AssetCollection: components["schemas"]["Asset"][];
        /**
         * AssetDowntime
         * @example {
         *       "key": "06000617467424",
         *       "assetKey": "06000619999431",
         *       "description": "Expedita ab velit qui.",
         *       "startedAt": "2005-10-21T21:05:19Z",
         *       "endedAt": "2021-04-29T00:59:39Z",
         *       "categoryName": "string",
         *       "severity": "string",
         *       "notes": "string",
         *       "createdAt": "1975-06-27T04:24:31Z",
         *       "updatedAt": "2010-07-03T07:44:30Z"
         *     }
         */
        AssetDowntime: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            assetKey?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            startedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            endedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            categoryName?: string;
            /**
             * Format: string
             * @description Description
             */
            severity?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
        };
        /**
         * Model
         * @example {
         *       "key": "00000761350960",
         *       "siteKey": "04000082891670",
         *       "documents": [
         *         {
         *           "key": "06000679835626",
         *           "entityKeys": "[]",
         *           "name": "string",
         *           "url": "string",
         *           "type": "string",
         *           "contentType": "string",
         *           "description": "Unde a quia est qui.",
         *           "notes": "string",
         *           "createdAt": "2014-07-05T07:31:39Z",
         *           "updatedAt": "1986-09-26T05:08:45Z"
         *         }
         *       ],
         *       "name": "string",
         *       "manufacturerName": "string",
         *       "createdAt": "1977-01-06T23:51:17Z",
         *       "updatedAt": "2021-01-09T22:49:41Z",
         *       "deletedAt": "2013-02-17T11:17:16Z"
         *     }
         */
        Model: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            siteKey?: string;
            documents?: components["schemas"]["Document"][];
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            manufacturerName?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * Counter
         * @example {
         *       "key": "08000527441821",
         *       "siteKey": "07000362332096",
         *       "assetKeys": "string",
         *       "uomName": "string",
         *       "uomKey": "08000500081018",
         *       "lastReading": "string",
         *       "lastReadingAt": "1976-03-22T10:28:02Z",
         *       "createdAt": "2011-03-29T07:54:42Z",
         *       "updatedAt": "1978-04-19T04:37:27Z",
         *       "deletedAt": "1970-05-10T08:39:11Z"
         *     }
         */
        Counter: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            siteKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetKeys?: string;
            /**
             * Format: string
             * @description Description
             */
            uomName?: string;
            /**
             * Format: string
             * @description Description
             */
            uomKey?: string;
            /**
             * Format: object
             * @description Description
             */
            lastReading?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            lastReadingAt?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * CounterReading
         * @example {
         *       "key": "08000787910583",
         *       "assetKey": "03000173597817",
         *       "meterKey": "08000660574210",
         *       "reading": "string",
         *       "createdAt": "1998-04-28T21:14:49Z"
         *     }
         */
        CounterReading: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            assetKey?: string;
            /**
             * Format: string
             * @description Description
             */
            meterKey?: string;
            /**
             * Format: string
             * @description Description
             */
            reading?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
        };
        /**
         * WorkTrigger
         * @example {
         *       "uomKey": "02000195056564",
         *       "type": "string",
         *       "interval": "string",
         *       "recurring": "string",
         *       "condition": "string"
         *     }
         */
        WorkTrigger: {
            /**
             * Format: object
             * @description Description
             */
            uomKey?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            type?: string;
            /**
             * Format: string
             * @description Description
             */
            interval?: string;
            /**
             * Format: string
             * @description Description
             */
            recurring?: string;
            /**
             * Format: string
             * @description Description
             */
            condition?: string;
        };
        /**
         * Task
         * @example {
         *       "key": "06000939885546",
         *       "parentKey": "02000324023261",
         *       "code": "56360271",
         *       "title": "Tempora quia quo earum quae rem.",
         *       "description": "Numquam et consequatur ut consequuntur nobis.",
         *       "priority": "string",
         *       "checkList": "[]"
         *     }
         */
        Task: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            parentKey?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            title?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            priority?: string;
            /**
             * Format: array
             * @description Description
             */
            checkList?: unknown[];
        };
        /**
         * Work
         * @example {
         *       "laborKey": "09000605639899",
         *       "vendorKey": "08000909842244",
         *       "assetKey": "03000927549184",
         *       "teamKey": "01000253607253",
         *       "poKey": "04000502197150",
         *       "poLineItemKey": "04000483230376",
         *       "accountKey": "06000267069872",
         *       "name": "string",
         *       "description": "Cupiditate quisquam minus fugiat corrupti et.",
         *       "estimatedTime": "string",
         *       "registeredTime": "string",
         *       "rate": "string",
         *       "cost": "string",
         *       "startedAt": "1997-06-15T06:33:53Z",
         *       "finishedAt": "1975-02-08T15:52:29Z",
         *       "createdAt": "2021-12-18T16:06:23Z",
         *       "updatedAt": "2012-08-19T08:41:13Z",
         *       "deletedAt": "2016-01-18T15:44:42Z"
         *     }
         */
        Work: {
            /**
             * Format: string
             * @description Description
             */
            laborKey?: string;
            /**
             * Format: string
             * @description Description
             */
            vendorKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetKey?: string;
            /**
             * Format: string
             * @description Description
             */
            teamKey?: string;
            /**
             * Format: string
             * @description Description
             */
            poKey?: string;
            /**
             * Format: string
             * @description Description
             */
            poLineItemKey?: string;
            /**
             * Format: string
             * @description Description
             */
            accountKey?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: object
             * @description Description
             */
            estimatedTime?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            registeredTime?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            rate?: string;
            /**
             * Format: string
             * @description Description
             */
            cost?: string;
            /**
             * Format: object
             * @description Description
             */
            startedAt?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            finishedAt?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            createdAt?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            updatedAt?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            deletedAt?: Record<string, never>;
        };
        /**
         * PreventiveMaintenance
         * @example {
         *       "key": "01000652080669",
         *       "assetKeys": "[]",
         *       "teamKey": "03000662641904",
         *       "siteKey": "04000508974580",
         *       "accountKey": "01000715511786",
         *       "title": "A ut debitis vel sequi.",
         *       "description": "Doloremque unde deserunt est eum porro.",
         *       "status": "string",
         *       "severity": "string",
         *       "laborAssignedKey": "04000753093212",
         *       "estimatedTime": "string",
         *       "roleName": "string",
         *       "categoryName": "string",
         *       "documents": "[]",
         *       "assetTemplateKeys": "string",
         *       "statusKey": "00000927755758",
         *       "notes": "string",
         *       "dueAt": "2005-03-02T07:09:39Z",
         *       "categoryCode": "string",
         *       "requiresMaterials": "true",
         *       "triggers": [
         *         {
         *           "uomKey": "04000251466335",
         *           "type": "string",
         *           "interval": "string",
         *           "recurring": "string",
         *           "condition": "string"
         *         }
         *       ],
         *       "tasks": [
         *         {
         *           "key": "09000568266637",
         *           "parentKey": "05000286942519",
         *           "code": "69986635",
         *           "title": "Ratione ut voluptatem autem qui odio.",
         *           "description": "Eum accusamus eos maiores rem.",
         *           "priority": "string",
         *           "checkList": "[]"
         *         }
         *       ],
         *       "resources": [
         *         {
         *           "laborKey": "03000885603328",
         *           "vendorKey": "01000694380858",
         *           "assetKey": "04000628024100",
         *           "teamKey": "02000676192774",
         *           "poKey": "06000986118509",
         *           "poLineItemKey": "05000530766225",
         *           "accountKey": "01000738499712",
         *           "name": "string",
         *           "description": "Unde labore qui odio et in.",
         *           "estimatedTime": "string",
         *           "registeredTime": "string",
         *           "rate": "string",
         *           "cost": "string",
         *           "startedAt": "2007-11-11T13:56:49Z",
         *           "finishedAt": "1980-07-02T19:32:23Z",
         *           "createdAt": "1998-10-15T03:05:28Z",
         *           "updatedAt": "2012-04-30T07:36:23Z",
         *           "deletedAt": "1988-12-25T15:47:06Z"
         *         }
         *       ],
         *       "createdAt": "1973-05-17T05:29:36Z",
         *       "updatedAt": "1975-12-21T17:51:05Z",
         *       "deletedAt": "1988-05-24T13:06:13Z"
         *     }
         */
        PreventiveMaintenance: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: array
             * @description Description
             */
            assetKeys?: unknown[];
            /**
             * Format: string
             * @description Description
             */
            teamKey?: string;
            /**
             * Format: string
             * @description Description
             */
            siteKey?: string;
            /**
             * Format: string
             * @description Description
             */
            accountKey?: string;
            /**
             * Format: string
             * @description Description
             */
            title?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            status?: string;
            /**
             * Format: string
             * @description Description
             */
            severity?: string;
            /**
             * Format: string
             * @description Description
             */
            laborAssignedKey?: string;
            /**
             * Format: string
             * @description Description
             */
            estimatedTime?: string;
            /**
             * Format: string
             * @description Description
             */
            roleName?: string;
            /**
             * Format: string
             * @description Description
             */
            categoryName?: string;
            /**
             * Format: array
             * @description Description
             */
            documents?: unknown[];
            /**
             * Format: string
             * @description Description
             */
            assetTemplateKeys?: string;
            /**
             * Format: string
             * @description Description
             */
            statusKey?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            dueAt?: string;
            /**
             * Format: string
             * @description Description
             */
            categoryCode?: string;
            /**
             * Format: boolean
             * @description Description
             */
            requiresMaterials?: boolean;
            triggers?: components["schemas"]["WorkTrigger"][];
            tasks?: components["schemas"]["Task"][];
            resources?: components["schemas"]["Work"][];
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * CustomField
         * @example {
         *       "name": "string"
         *     }
         */
        CustomField: {
            /**
             * Format: string
             * @description Description
             */
            name?: string;
        };
        /**
         * WorkOrder
         * @example {
         *       "key": "06000223041215",
         *       "parentKey": "05000767460960",
         *       "locationKey": "08000413141314",
         *       "siteKey": "07000414586338",
         *       "assetKey": "04000419057989",
         *       "accountKey": "06000742654943",
         *       "title": "Quia sed molestiae voluptatum quia neque neque.",
         *       "serviceRequestKey": "01000586637003",
         *       "code": "78015203",
         *       "pmKey": "02000972393415",
         *       "teamKey": "09000450156717",
         *       "laborAssignedKey": "02000698521787",
         *       "userApprovedKey": "08000927094665",
         *       "assetDowntimeKey": "01000312804097",
         *       "organizationKey": "03000501723548",
         *       "instructions": "string",
         *       "status": "string",
         *       "statusKey": "04000172534931",
         *       "severity": "string",
         *       "estimatedTime": "string",
         *       "roleName": "string",
         *       "categoryName": "string",
         *       "storeroomKey": "01000874770160",
         *       "notes": "string",
         *       "approvedAt": "2013-05-13T09:24:28Z",
         *       "dueAt": "1998-10-18T01:07:49Z",
         *       "scheduledAt": "2022-04-09T18:46:11Z",
         *       "actualTime": "string",
         *       "completedAt": "1981-12-06T03:47:21Z",
         *       "completionRemarks": "string",
         *       "tasks": [
         *         {
         *           "key": "06000067848689",
         *           "parentKey": "09000196482735",
         *           "code": "23137479",
         *           "title": "Nesciunt quo aut nemo tempore.",
         *           "description": "Temporibus aut qui aut corporis tempora et alias.",
         *           "priority": "string",
         *           "checkList": "[]"
         *         }
         *       ],
         *       "documents": [
         *         {
         *           "key": "04000685281477",
         *           "entityKeys": "[]",
         *           "name": "string",
         *           "url": "string",
         *           "type": "string",
         *           "contentType": "string",
         *           "description": "Aliquam eum eum aspernatur excepturi quas sed.",
         *           "notes": "string",
         *           "createdAt": "1985-07-07T06:30:59Z",
         *           "updatedAt": "1976-03-20T14:08:15Z"
         *         }
         *       ],
         *       "resources": [
         *         {
         *           "laborKey": "07000007804970",
         *           "vendorKey": "05000183865312",
         *           "assetKey": "00000468219658",
         *           "teamKey": "02000393917519",
         *           "poKey": "09000241323788",
         *           "poLineItemKey": "01000842819108",
         *           "accountKey": "04000880833463",
         *           "name": "string",
         *           "description": "Molestiae ab sapiente quia aspernatur similique.",
         *           "estimatedTime": "string",
         *           "registeredTime": "string",
         *           "rate": "string",
         *           "cost": "string",
         *           "startedAt": "1991-10-08T08:20:18Z",
         *           "finishedAt": "2009-03-17T17:46:13Z",
         *           "createdAt": "2000-07-15T11:42:12Z",
         *           "updatedAt": "1996-07-14T23:17:10Z",
         *           "deletedAt": "2024-10-31T18:55:16Z"
         *         }
         *       ],
         *       "materialCount": "string",
         *       "createdAt": "2008-11-10T22:36:17Z",
         *       "updatedAt": "2015-09-08T00:12:05Z",
         *       "deletedAt": "2011-11-24T20:13:19Z"
         *     }
         */
        WorkOrder: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            parentKey?: string;
            /**
             * Format: string
             * @description Description
             */
            locationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            siteKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetKey?: string;
            /**
             * Format: string
             * @description Description
             */
            accountKey?: string;
            /**
             * Format: string
             * @description Description
             */
            title?: string;
            /**
             * Format: string
             * @description Description
             */
            serviceRequestKey?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            pmKey?: string;
            /**
             * Format: string
             * @description Description
             */
            teamKey?: string;
            /**
             * Format: string
             * @description Description
             */
            laborAssignedKey?: string;
            /**
             * Format: string
             * @description Description
             */
            userApprovedKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetDowntimeKey?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            instructions?: string;
            /**
             * Format: string
             * @description Description
             */
            status?: string;
            /**
             * Format: string
             * @description Description
             */
            statusKey?: string;
            /**
             * Format: string
             * @description Description
             */
            severity?: string;
            /**
             * Format: string
             * @description Description
             */
            estimatedTime?: string;
            /**
             * Format: string
             * @description Description
             */
            roleName?: string;
            /**
             * Format: string
             * @description Description
             */
            categoryName?: string;
            /**
             * Format: string
             * @description Description
             */
            storeroomKey?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            approvedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            dueAt?: string;
            /**
             * Format: string
             * @description Description
             */
            scheduledAt?: string;
            /**
             * Format: string
             * @description Description
             */
            actualTime?: string;
            /**
             * Format: string
             * @description Description
             */
            completedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            completionRemarks?: string;
            tasks?: components["schemas"]["Task"][];
            documents?: components["schemas"]["Document"][];
            resources?: components["schemas"]["Work"][];
            /**
             * Format: string
             * @description Description
             */
            materialCount?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        WorkOrderCollection: components["schemas"]["WorkOrder"][];
        /**
         * ServiceRequest
         * @example {
         *       "key": "05000837045202",
         *       "siteKey": "02000969938848",
         *       "locationKey": "00000993130337",
         *       "storeroomKey": "02000367492687",
         *       "assetKey": "03000679914793",
         *       "workOrderKey": "04000561060947",
         *       "teamKey": "09000962108541",
         *       "userRequestedKey": "05000099514730",
         *       "userApprovedKey": "07000078228187",
         *       "laborAssignedKey": "09000485687381",
         *       "documents": [
         *         {
         *           "key": "01000647115784",
         *           "entityKeys": "[]",
         *           "name": "string",
         *           "url": "string",
         *           "type": "string",
         *           "contentType": "string",
         *           "description": "Quas eligendi quis et asperiores veritatis.",
         *           "notes": "string",
         *           "createdAt": "1997-08-22T04:37:20Z",
         *           "updatedAt": "2013-12-24T02:02:15Z"
         *         }
         *       ],
         *       "title": "Aut ea officia aut excepturi voluptate.",
         *       "description": "Sit quidem error et ex.",
         *       "statusKey": "07000592379652",
         *       "severity": "string",
         *       "estimatedTime": "string",
         *       "roleName": "string",
         *       "categoryName": "string",
         *       "notes": "string",
         *       "approvedAt": "1994-12-25T03:39:30Z",
         *       "dueAt": "1989-05-18T13:10:41Z",
         *       "createdAt": "2005-02-20T11:30:48Z",
         *       "updatedAt": "1976-08-13T01:37:52Z",
         *       "deletedAt": "1971-07-19T13:54:37Z"
         *     }
         */
        ServiceRequest: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            siteKey?: string;
            /**
             * Format: string
             * @description Description
             */
            locationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            storeroomKey?: string;
            /**
             * Format: string
             * @description Description
             */
            assetKey?: string;
            /**
             * Format: string
             * @description Description
             */
            workOrderKey?: string;
            /**
             * Format: string
             * @description Description
             */
            teamKey?: string;
            /**
             * Format: string
             * @description Description
             */
            userRequestedKey?: string;
            /**
             * Format: string
             * @description Description
             */
            userApprovedKey?: string;
            /**
             * Format: string
             * @description Description
             */
            laborAssignedKey?: string;
            documents?: components["schemas"]["Document"][];
            /**
             * Format: string
             * @description Description
             */
            title?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: string
             * @description Description
             */
            statusKey?: string;
            /**
             * Format: string
             * @description Description
             */
            severity?: string;
            /**
             * Format: string
             * @description Description
             */
            estimatedTime?: string;
            /**
             * Format: string
             * @description Description
             */
            roleName?: string;
            /**
             * Format: string
             * @description Description
             */
            categoryName?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            approvedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            dueAt?: string;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        ServiceRequestCollection: components["schemas"]["ServiceRequest"][];
        /**
         * Status
         * @example {
         *       "key": "04000960306021",
         *       "organizationKey": "08000390450110",
         *       "parentKey": "07000254049109",
         *       "name": "string",
         *       "code": "66048879",
         *       "subCode": "string",
         *       "scope": "string",
         *       "isActive": "false",
         *       "createdAt": "1972-01-23T04:36:42Z",
         *       "updatedAt": "1995-07-01T12:32:25Z",
         *       "deletedAt": "2011-03-16T22:33:32Z"
         *     }
         */
        Status: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            parentKey?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            subCode?: string;
            /**
             * Format: string
             * @description Description
             */
            scope?: string;
            /**
             * Format: boolean
             * @description Description
             */
            isActive?: boolean;
            /**
             * Format: string
             * @description Description
             */
            createdAt?: string;
            /**
             * Format: string
             * @description Description
             */
            updatedAt?: string;
            /**
             * Format: string
             * @description Description
             */
            deletedAt?: string;
        };
        /**
         * ReturnOrder
         * @example {
         *       "key": "01000875482275",
         *       "organizationKey": "04000017810224",
         *       "siteKey": "00000867770903",
         *       "vendorKey": "07000985693811",
         *       "statusKey": "04000450062215",
         *       "code": "57310169",
         *       "poKey": "08000765015193",
         *       "orderNo": "string",
         *       "orderDate": "1987-10-13T23:07:42Z",
         *       "type": "string",
         *       "title": "Ipsum et eum autem aliquid aliquam qui.",
         *       "description": "Dicta ut iste quas et ducimus vel rerum.",
         *       "dueAt": "1982-11-25T08:50:16Z",
         *       "approvedAt": "2002-10-19T16:52:11Z",
         *       "completedAt": "1977-08-26T22:58:00Z",
         *       "shippingMethod": "string",
         *       "terms": "string",
         *       "notes": "string",
         *       "currencyKey": "04000415838742",
         *       "totalNetValue": "string",
         *       "totalTaxValue": "string",
         *       "totalGrossValue": "string",
         *       "lineItems": [
         *         {
         *           "key": "02000136047406",
         *           "locationKey": "07000435256791",
         *           "accountKey": "07000569903087",
         *           "vendorKey": "00000422094854",
         *           "assetKey": "01000225759536",
         *           "materialKey": "00000050153461",
         *           "productKey": "07000415879331",
         *           "statusKey": "05000091053950",
         *           "storeroomKey": "05000287657936",
         *           "lineNo": "string",
         *           "code": "61258792",
         *           "type": "string",
         *           "name": "string",
         *           "description": "Quas pariatur officiis voluptas labore.",
         *           "lineRef": "string",
         *           "quantity": "string",
         *           "receivedQuantity": "string",
         *           "uomKey": "08000840719334",
         *           "currencyKey": "07000063975847",
         *           "price": "string",
         *           "discount": "string",
         *           "lineTaxValue": "string",
         *           "lineTotalValue": "string",
         *           "notes": "string",
         *           "deliveryAt": "1979-06-05T08:45:54Z",
         *           "dueAt": "1997-12-16T02:36:08Z",
         *           "createdAt": "2002-12-18T05:00:27Z",
         *           "updatedAt": "2003-03-23T20:33:49Z",
         *           "deletedAt": "1972-07-28T01:02:24Z"
         *         }
         *       ],
         *       "createdAt": "1970-11-04T05:26:21Z",
         *       "updatedAt": "1987-04-09T03:06:02Z"
         *     }
         */
        ReturnOrder: {
            /**
             * Format: string
             * @description Description
             */
            key?: string;
            /**
             * Format: string
             * @description Description
             */
            organizationKey?: string;
            /**
             * Format: string
             * @description Description
             */
            siteKey?: string;
            /**
             * Format: string
             * @description Description
             */
            vendorKey?: string;
            /**
             * Format: string
             * @description Description
             */
            statusKey?: string;
            /**
             * Format: string
             * @description Description
             */
            code?: string;
            /**
             * Format: string
             * @description Description
             */
            poKey?: string;
            /**
             * Format: string
             * @description Description
             */
            orderNo?: string;
            /**
             * Format: object
             * @description Description
             */
            orderDate?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            type?: string;
            /**
             * Format: string
             * @description Description
             */
            title?: string;
            /**
             * Format: string
             * @description Description
             */
            description?: string;
            /**
             * Format: object
             * @description Description
             */
            dueAt?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            approvedAt?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            completedAt?: Record<string, never>;
            /**
             * Format: string
             * @description Description
             */
            shippingMethod?: string;
            /**
             * Format: string
             * @description Description
             */
            terms?: string;
            /**
             * Format: string
             * @description Description
             */
            notes?: string;
            /**
             * Format: string
             * @description Description
             */
            currencyKey?: string;
            /**
             * Format: object
             * @description Description
             */
            totalNetValue?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            totalTaxValue?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            totalGrossValue?: Record<string, never>;
            lineItems?: components["schemas"]["POLineItem"][];
            /**
             * Format: object
             * @description Description
             */
            createdAt?: Record<string, never>;
            /**
             * Format: object
             * @description Description
             */
            updatedAt?: Record<string, never>;
        };
        ReturnOrderCollection: components["schemas"]["ReturnOrder"][];
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
