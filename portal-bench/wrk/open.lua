-- wrk: GET /threads/{id} as the clinician (an audited open of every message)
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
