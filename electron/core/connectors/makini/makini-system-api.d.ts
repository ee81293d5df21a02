// Generated from ../shared/makini-api/oas3_system.json by scripts/generate-makini-types.mjs.
// Do not edit by hand. Schemas published as [] and read as open objects: RawData, ConnectionToken, Passthrough.
export interface paths {
    "/api/raw/tables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get list of tables */
        get: {
            parameters: {
                query?: never;
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
    "/api/raw/tables/{table}/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get raw data from a table */
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
                    table: string;
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
    "/api/integrations/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an Integration Current
         * @description Get current integration data.
         *      `sync_status` is status of our synchronization.
         *        * inprogress
         *        * done
         *        * fulldone
         *        * error
         *
         *        * fail (Authentication error: Invalid platform credentials)
         */
        get: {
            parameters: {
                query?: never;
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
                            data?: components["schemas"]["Integration"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an Integration Integration */
        delete: {
            parameters: {
                query?: never;
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
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/system/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Platforms */
        get: {
            parameters: {
                query?: never;
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
                            data?: components["schemas"]["Platform"][];
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
    "/api/system/client": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a Client
         * @description Get details of the client
         */
        get: {
            parameters: {
                query?: never;
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
                            data?: components["schemas"]["Client"];
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
    "/api/system/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Connections */
        get: {
            parameters: {
                query?: never;
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
                            data?: components["schemas"]["Connection"][];
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
         * Create a Connection
         * @description [Detail validations](docs/platform-validation.md)
         *
         *     Sample payload:
         *     ```json
         *      {
         *          "name": "Inextia",
         *          "email": "hey@makini.io",
         *          "provider": "inextia",
         *          "credentials": {
         *              "api": "https://sample.inextia.dk",
         *              "login": "login",
         *              "password": "password"
         *          }
         *      }
         *
         *     ```
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
                        name?: string;
                        /** Format: required|email */
                        email?: Record<string, never>;
                        /** Format: string */
                        provider?: string;
                        /** Format: array */
                        credentials?: unknown[];
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
                            data?: components["schemas"]["ConnectionStore"];
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
    "/api/system/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a Connection */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    id: string;
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
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/system/connections/{id}/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List ConnectionMetadatas */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    id: string;
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
                            data?: components["schemas"]["ConnectionMetadata"][];
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
         * Create a ConnectionMetadata
         * @description [Detail validations](docs/platform-validation.md)
         *
         *     Sample payload:
         *     ```json
         *      [
         *          {
         *              "key": "uc_first",
         *              "value": "UC Value"
         *          },
         *          {
         *              "key": "uc_last",
         *              "value": "Other uc value"
         *          }
         *      ]
         *
         *     ```
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    id: string;
                };
                cookie?: never;
            };
            /** @description Request body */
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: string */
                        key?: string;
                        /** Format: string */
                        value?: string;
                    }[];
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
                            data?: components["schemas"]["ConnectionMetadata"];
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
    "/api/system/connections/{id}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a ConnectionToken
         * @description <details>
         *        Issue a new access token for a connection
         *      </details>
         *
         *     [Detail validations](docs/platform-validation.md)
         *
         *     Sample payload:
         *     ```json
         *      {
         *          "token": "{{TOKEN_GENERATED}}",
         *          "expires_in": 300
         *      }
         *
         *     ```
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description string|required */
                    id: string;
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
                            data?: components["schemas"]["ConnectionToken"];
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
    "/api/passthrough": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a Passthrough
         * @description Connect to your system's API directly with Makini API (no system's credentials needed)
         *
         *      * path: Path of system endpoint
         *      * method: 'get' | 'post' | 'put' | 'delete'
         *      * headers: Headers of system endpoint
         *      * body: Body of system endpoint (Optional)
         *
         *     Sample payload:
         *     ```json
         *      {
         *          "path": "dataservice",
         *          "method": "post",
         *          "headers": {
         *              "Content-Type": "appication/json"
         *          },
         *          "body": {
         *              "targetName": "F4801",
         *              "targetType": "table",
         *              "dataServiceType": "BROWSE",
         *              "maxPageSize": 10,
         *              "query": {
         *                  "autoFind": true,
         *                  "condition": [
         *                      {
         *                          "controlId": "F4801.DOCO",
         *                          "operator": "STR_NOT_BLANK"
         *                      }
         *                  ]
         *              }
         *          }
         *      }
         *
         *     ```
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
                        path?: string | null;
                        /** Format: string */
                        method?: string;
                        /** Format: nullable */
                        headers?: Record<string, never> | null;
                        /** Format: nullable */
                        query?: Record<string, never> | null;
                        /** Format: boolean */
                        base64encoded?: boolean | null;
                        /** Format: nullable */
                        body?: Record<string, never> | null;
                        /** Format: string */
                        sql?: string | null;
                        /** Format: nullable */
                        parameters?: Record<string, never> | null;
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
                            data?: components["schemas"]["Passthrough"];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RawData: {
            [key: string]: unknown;
        };
        /**
         * Integration
         * @example {
         *       "id": "string",
         *       "company_name": "string",
         *       "email": "string",
         *       "provider": "string",
         *       "updated_at": "string",
         *       "sync_status": "string",
         *       "sync_updated_at": "string"
         *     }
         */
        Integration: {
            /**
             * Format: string
             * @description Description
             */
            id?: string;
            /**
             * Format: string
             * @description Description
             */
            company_name?: string;
            /**
             * Format: string
             * @description Description
             */
            email?: string;
            /**
             * Format: string
             * @description Description
             */
            provider?: string;
            /**
             * Format: string
             * @description Description
             */
            updated_at?: string;
            /**
             * Format: string
             * @description Description
             */
            sync_status?: string;
            /**
             * Format: string
             * @description Description
             */
            sync_updated_at?: string;
        };
        /** Platform */
        Platform: Record<string, never>;
        /**
         * Client
         * @example {
         *       "id": "string",
         *       "name": "string",
         *       "logo_url": "string",
         *       "email": "string",
         *       "default_redirect": "string",
         *       "redirects": "[]"
         *     }
         */
        Client: {
            /**
             * Format: string
             * @description Description
             */
            id?: string;
            /**
             * Format: string
             * @description Description
             */
            name?: string;
            /**
             * Format: string
             * @description Description
             */
            logo_url?: string;
            /**
             * Format: string
             * @description Description
             */
            email?: string;
            /**
             * Format: string
             * @description Description
             */
            default_redirect?: string;
            /**
             * Format: array
             * @description Description
             */
            redirects?: unknown[];
        };
        /**
         * Connection
         * @example {
         *       "key": "09000207611898",
         *       "name": "string",
         *       "email": "string",
         *       "status": "string",
         *       "integration_name": "string",
         *       "redirect": "string",
         *       "scopes": "string",
         *       "tags": "[]",
         *       "user_metadata": "string",
         *       "client_id": "string",
         *       "updated_at": "string",
         *       "created_at": "string",
         *       "connected_at": "string"
         *     }
         */
        Connection: {
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
            email?: string;
            /**
             * Format: string
             * @description Description
             */
            status?: string;
            /**
             * Format: string
             * @description Description
             */
            integration_name?: string;
            /**
             * Format: string
             * @description Description
             */
            redirect?: string;
            /**
             * Format: string
             * @description Description
             */
            scopes?: string;
            /**
             * Format: array
             * @description Description
             */
            tags?: unknown[];
            /**
             * Format: string
             * @description Description
             */
            user_metadata?: string;
            /**
             * Format: string
             * @description Description
             */
            client_id?: string;
            /**
             * Format: string
             * @description Description
             */
            updated_at?: string;
            /**
             * Format: string
             * @description Description
             */
            created_at?: string;
            /**
             * Format: string
             * @description Description
             */
            connected_at?: string;
        };
        ConnectionStoreCollection: components["schemas"]["ConnectionStore"][];
        /**
         * ConnectionStore
         * @example {
         *       "access_token": "string",
         *       "refresh_token": "string",
         *       "expires_in": "string"
         *     }
         */
        ConnectionStore: {
            /**
             * Format: string
             * @description Description
             */
            access_token?: string;
            /**
             * Format: string
             * @description Description
             */
            refresh_token?: string;
            /**
             * Format: string
             * @description Description
             */
            expires_in?: string;
        };
        /**
         * ConnectionMetadata
         * @example {
         *       "key": "00000686066789",
         *       "name": "string",
         *       "email": "string",
         *       "status": "string",
         *       "integration_name": "string",
         *       "redirect": "string",
         *       "scopes": "string",
         *       "user_metadata": "string",
         *       "client_id": "string",
         *       "updated_at": "string",
         *       "created_at": "string",
         *       "connected_at": "string"
         *     }
         */
        ConnectionMetadata: {
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
            email?: string;
            /**
             * Format: string
             * @description Description
             */
            status?: string;
            /**
             * Format: string
             * @description Description
             */
            integration_name?: string;
            /**
             * Format: string
             * @description Description
             */
            redirect?: string;
            /**
             * Format: string
             * @description Description
             */
            scopes?: string;
            /**
             * Format: string
             * @description Description
             */
            user_metadata?: string;
            /**
             * Format: string
             * @description Description
             */
            client_id?: string;
            /**
             * Format: string
             * @description Description
             */
            updated_at?: string;
            /**
             * Format: string
             * @description Description
             */
            created_at?: string;
            /**
             * Format: string
             * @description Description
             */
            connected_at?: string;
        };
        ConnectionMetadataCollection: components["schemas"]["ConnectionMetadata"][];
        ConnectionTokenCollection: components["schemas"]["ConnectionToken"][];
        ConnectionToken: {
            [key: string]: unknown;
        };
        Passthrough: {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
