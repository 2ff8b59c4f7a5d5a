#!/usr/bin/python3
"""The same analysis as bench_graph run, in python-igraph or networkx, on the same edge
list. Usage: graph_peers.py igraph|networkx EDGE_FILE. Prints one line per finished step
(flushed), so a run cut short by a timeout still reports what it did."""
import sys
import time


def step(name, fn):
    t = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t
    print(f"{name} {dt:.2f}", flush=True)
    return out, dt


def run_igraph(path):
    import igraph as ig
    g, _ = step("load", lambda: ig.Graph.Read_Edgelist(path, directed=False))
    total = 0.0
    comps, dt = step("components", g.connected_components)
    total += dt
    _, dt = step("pagerank", g.pagerank)
    total += dt
    comm, dt = step("leiden", lambda: g.community_leiden(objective_function="modularity"))
    total += dt
    print(f"python-igraph nodes {g.vcount()} edges {g.ecount()} components {len(comps)} "
          f"communities {len(comm)} modularity {comm.modularity:.4f} analysis {total:.2f}", flush=True)


def run_networkx(path):
    import networkx as nx
    g, _ = step("load", lambda: nx.read_edgelist(path, nodetype=int, create_using=nx.MultiGraph))
    total = 0.0
    comps, dt = step("components", lambda: list(nx.connected_components(g)))
    total += dt
    simple = nx.Graph(g)  # pagerank and louvain want a simple graph
    _, dt = step("pagerank", lambda: nx.pagerank(simple))
    total += dt
    comm, dt = step("louvain", lambda: nx.community.louvain_communities(simple, seed=1))
    total += dt
    print(f"networkx nodes {g.number_of_nodes()} edges {g.number_of_edges()} components {len(comps)} "
          f"communities {len(comm)} analysis {total:.2f}", flush=True)


if __name__ == "__main__":
    {"igraph": run_igraph, "networkx": run_networkx}[sys.argv[1]](sys.argv[2])
